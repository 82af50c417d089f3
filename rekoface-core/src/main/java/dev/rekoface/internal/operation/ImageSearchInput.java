package dev.rekoface.internal.operation;

import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.mapper.SdkImages;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import software.amazon.awssdk.services.rekognition.model.Image;

/**
 * The input of SearchFacesByImage and SearchUsersByImage: a collection searched for an image's largest face.
 *
 * @param collectionId the collection
 * @param image the image whose largest face is searched for
 * @param threshold the lowest similarity returned
 * @param max the most matches returned (faces or users)
 * @param qualityFilter the quality filter of the searched face
 */
public record ImageSearchInput(String collectionId, ImageSource image, Threshold threshold, int max,
                               QualityFilter qualityFilter) implements Resources.CollectionScoped {

    /**
     * Checks the input against the service's rules, naming the parameter and the value.
     *
     * @param thresholdName the threshold's name in messages, e.g. {@code face match threshold}
     * @param maxName the maximum's name in messages, e.g. {@code maxFaces}
     * @param limit the largest maximum the service accepts
     * @return the image as the request carries it
     */
    Image validate(String thresholdName, String maxName, int limit) {
        Checks.collectionId(collectionId);
        Checks.notNull(image, "image");
        Checks.notNull(threshold, thresholdName);
        Checks.notNull(qualityFilter, "quality filter");
        Checks.range(max, 1, limit, maxName);
        return SdkImages.toSdk(image, "image");
    }
}
