package dev.rekoface.engine;

/**
 * A rectangle in pixels of an upright image (continuous coordinates, see {@link PixelPoint}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param left distance of the left edge from the image's left edge, in pixels
 * @param top distance of the top edge from the image's top edge, in pixels
 * @param width width in pixels, not negative
 * @param height height in pixels, not negative
 */
public record PixelBox(double left, double top, double width, double height) {
    /**
     * Creates a box.
     *
     * @throws IllegalArgumentException if a value is NaN or infinite, or a side is negative
     */
    public PixelBox {
        if (!Double.isFinite(left) || !Double.isFinite(top) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("box values must be finite, were left " + left + ", top " + top
                + ", width " + width + ", height " + height);
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("box sides must not be negative, were " + width + " x " + height);
        }
    }

    /** Returns the right edge, {@code left + width}. */
    public double right() {
        return left + width;
    }

    /** Returns the bottom edge, {@code top + height}. */
    public double bottom() {
        return top + height;
    }
}
