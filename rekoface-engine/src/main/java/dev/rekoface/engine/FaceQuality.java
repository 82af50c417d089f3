package dev.rekoface.engine;

/**
 * How bright and how sharp a face's box is, each 0-100 and rounded to 0.1: brightness is the mean luma times
 * 100 / 255; sharpness is {@code 100 (1 - exp(-v / 200))} with {@code v} the variance of the 4-neighbour Laplacian of
 * the box's luma resized to 128 x 128 by area averaging.
 *
 * <p>Immutable and thread-safe.
 *
 * @param brightness 0 (black) to 100 (white)
 * @param sharpness 0 (flat) to 100 (sharp)
 */
public record FaceQuality(double brightness, double sharpness) {
    /**
     * Creates a quality.
     *
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    public FaceQuality {
        if (!Double.isFinite(brightness) || !Double.isFinite(sharpness)) {
            throw new IllegalArgumentException("quality values must be finite, were brightness " + brightness
                + ", sharpness " + sharpness);
        }
    }
}
