package dev.rekoface.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A face stored in a collection.
 *
 * @param faceId the service's face id (a UUID)
 * @param imageId the id the service gave the image it was indexed from, when sent
 * @param personId the person it was indexed under, decoded from the ExternalImageId ({@link PersonId})
 * @param externalImageId the ExternalImageId exactly as stored
 * @param userPersonId the person of the user it is associated with, decoded from the UserId, if any
 * @param boundingBox where the face was in its image
 * @param confidence the detection confidence, percent
 * @param indexFacesModelVersion the model version that indexed it, when sent
 * @param details the full face detail, for faces returned by an index call
 */
public record IndexedFace(String faceId, Optional<String> imageId, Optional<String> personId,
                          Optional<String> externalImageId, Optional<String> userPersonId, BoundingBox boundingBox,
                          double confidence, Optional<String> indexFacesModelVersion, Optional<FaceDetails> details) {
    /** Validates the fields. */
    public IndexedFace {
        Objects.requireNonNull(faceId, "faceId");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(externalImageId, "externalImageId");
        Objects.requireNonNull(userPersonId, "userPersonId");
        Objects.requireNonNull(boundingBox, "boundingBox");
        Objects.requireNonNull(indexFacesModelVersion, "indexFacesModelVersion");
        Objects.requireNonNull(details, "details");
        Percentages.requirePercent("confidence", confidence);
    }
}
