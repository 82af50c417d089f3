package dev.rekoface.engine;

/**
 * A point in pixels of an upright image. Coordinates are continuous: pixel {@code (i, j)} covers
 * {@code [i, i+1) x [j, j+1)}, so its centre is {@code (i + 0.5, j + 0.5)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param x distance from the image's left edge, in pixels
 * @param y distance from the image's top edge, in pixels
 */
public record PixelPoint(double x, double y) {
    /**
     * Creates a point.
     *
     * @throws IllegalArgumentException if a coordinate is NaN or infinite
     */
    public PixelPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("point coordinates must be finite, were (" + x + ", " + y + ")");
        }
    }
}
