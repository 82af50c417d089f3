package dev.rekoface.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is in an image: the best-matching person of a collection.
 *
 * @param personId the person, decoded from the matched face's ExternalImageId (empty when the face was stored
 *     without one)
 * @param similarity percent 0-100
 * @param face the stored face that matched
 * @param searchedFace the face of the image that was searched for
 */
public record Recognition(Optional<String> personId, double similarity, IndexedFace face, FaceDetails searchedFace) {
    /** Validates the fields. */
    public Recognition {
        Objects.requireNonNull(personId, "personId");
        Percentages.requirePercent("similarity", similarity);
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(searchedFace, "searchedFace");
    }
}
