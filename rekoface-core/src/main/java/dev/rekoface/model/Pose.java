package dev.rekoface.model;

/**
 * The head pose in degrees, with Rekognition's signs.
 *
 * @param roll rotation in the image plane
 * @param yaw rotation left/right
 * @param pitch rotation up/down
 */
public record Pose(double roll, double yaw, double pitch) {
    /** Rejects NaN and infinities. */
    public Pose {
        Percentages.requireFinite("roll", roll);
        Percentages.requireFinite("yaw", yaw);
        Percentages.requireFinite("pitch", pitch);
    }
}
