package dev.rekoface.model;

import java.util.Objects;

/**
 * The predicted gender of a face with the service's confidence.
 *
 * @param value the prediction, {@link GenderType#UNKNOWN} for a value this version does not know
 * @param rawValue the string the service sent
 * @param confidence percent 0-100
 */
public record Gender(GenderType value, String rawValue, double confidence) {
    /** Validates the fields. */
    public Gender {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rawValue, "rawValue");
        Percentages.requirePercent("confidence", confidence);
    }
}
