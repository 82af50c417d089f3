package dev.rekoface.model;

import java.util.Objects;

/**
 * One located instance of a label (a person, a car) in the image.
 *
 * @param boundingBox where it is, as ratios of the image
 * @param confidence percent 0-100
 */
public record LabelInstance(BoundingBox boundingBox, double confidence) {
    /** Validates the fields. */
    public LabelInstance {
        Objects.requireNonNull(boundingBox, "boundingBox");
        Percentages.requirePercent("confidence", confidence);
    }
}
