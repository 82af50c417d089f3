package dev.rekoface.model;

/**
 * A point: as ratios of the image (the service's unit, may be below 0 or above 1) or in pixels, as the method that
 * returned it says.
 *
 * @param x horizontal position, from the left edge
 * @param y vertical position, from the top edge
 */
public record Point(double x, double y) {
    /** Rejects NaN and infinities. */
    public Point {
        Percentages.requireFinite("x", x);
        Percentages.requireFinite("y", y);
    }

    /**
     * Converts this ratio point to pixels of an image of the given displayed size.
     *
     * @param size the displayed image size
     * @return the point in pixels
     */
    public Point toPixels(ImageSize size) {
        return new Point(x * size.width(), y * size.height());
    }
}
