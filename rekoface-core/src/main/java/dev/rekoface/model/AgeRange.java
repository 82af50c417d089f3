package dev.rekoface.model;

import dev.rekoface.InvalidArgumentException;

/**
 * The estimated age range of a face, in years.
 *
 * @param low lowest estimated age
 * @param high highest estimated age, at least {@code low}
 */
public record AgeRange(int low, int high) {
    /** Validates the range. */
    public AgeRange {
        if (low < 0 || high < low) {
            throw new InvalidArgumentException("age range", "age range must satisfy 0 <= low <= high, was " + low + "-" + high);
        }
    }

    @Override
    public String toString() {
        return low + "-" + high;
    }
}
