package dev.rekoface.model;

/**
 * A yes/no facial attribute (smile, eyeglasses, beard, ...) with the service's confidence in it.
 *
 * @param value whether the attribute is present
 * @param confidence confidence in {@code value}, percent 0-100
 */
public record BooleanAttribute(boolean value, double confidence) {
    /** Validates the confidence. */
    public BooleanAttribute {
        Percentages.requirePercent("confidence", confidence);
    }
}
