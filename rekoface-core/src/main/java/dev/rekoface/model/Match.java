package dev.rekoface.model;

import java.util.Objects;

/**
 * A face that matched: its similarity to the reference face and the face itself.
 *
 * @param similarity percent 0-100
 * @param face the matched face (in the target image)
 */
public record Match(double similarity, FaceDetails face) {
    /** Validates the fields. */
    public Match {
        Percentages.requirePercent("similarity", similarity);
        Objects.requireNonNull(face, "face");
    }
}
