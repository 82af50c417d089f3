package dev.rekoface.model;

import java.util.Objects;

/**
 * A stored face that matched a search.
 *
 * @param similarity percent 0-100
 * @param face the stored face
 */
public record FaceMatch(double similarity, IndexedFace face) {
    /** Validates the fields. */
    public FaceMatch {
        Percentages.requirePercent("similarity", similarity);
        Objects.requireNonNull(face, "face");
    }
}
