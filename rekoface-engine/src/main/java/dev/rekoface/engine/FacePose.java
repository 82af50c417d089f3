package dev.rekoface.engine;

/**
 * The orientation of a face, in degrees, estimated from its eye, nose and mouth points with the signs Amazon
 * Rekognition uses: {@code roll} is the angle of the eye line (positive when the image-right eye is lower),
 * {@code yaw} the turn left or right (from the nose's offset along the eye line) and {@code pitch} the tilt up or
 * down (from the nose's position between the eyes and the mouth). Each is rounded to 0.1 degree.
 *
 * <p>Immutable and thread-safe.
 *
 * @param roll in-plane rotation, -180 to 180
 * @param yaw turn left or right, -90 to 90
 * @param pitch tilt up or down, -90 to 90
 */
public record FacePose(double roll, double yaw, double pitch) {
    /**
     * Creates a pose.
     *
     * @throws IllegalArgumentException if an angle is NaN or infinite
     */
    public FacePose {
        if (!Double.isFinite(roll) || !Double.isFinite(yaw) || !Double.isFinite(pitch)) {
            throw new IllegalArgumentException("pose angles must be finite, were roll " + roll + ", yaw " + yaw
                + ", pitch " + pitch);
        }
    }
}
