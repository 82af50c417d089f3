package dev.rekoface.model;

/**
 * Where the eyes look, in degrees, with the service's confidence.
 *
 * @param yaw left/right
 * @param pitch up/down
 * @param confidence percent 0-100
 */
public record EyeDirection(double yaw, double pitch, double confidence) {
    /** Validates the values. */
    public EyeDirection {
        Percentages.requireFinite("yaw", yaw);
        Percentages.requireFinite("pitch", pitch);
        Percentages.requirePercent("confidence", confidence);
    }
}
