package dev.rekoface.model;

/**
 * A box in pixels of the displayed image (after EXIF orientation). Coordinates may lie outside the image when the
 * face is cut by the border.
 *
 * @param left left edge in pixels
 * @param top top edge in pixels
 * @param width width in pixels
 * @param height height in pixels
 */
public record PixelBox(double left, double top, double width, double height) {
    /** Rejects NaN and infinities. */
    public PixelBox {
        Percentages.requireFinite("left", left);
        Percentages.requireFinite("top", top);
        Percentages.requireFinite("width", width);
        Percentages.requireFinite("height", height);
    }

    /** Returns the right edge, {@code left + width}. */
    public double right() {
        return left + width;
    }

    /** Returns the bottom edge, {@code top + height}. */
    public double bottom() {
        return top + height;
    }

    /** Returns {@code java.awt.Rectangle}-style integer bounds: x, y, width, height, rounded to the nearest pixel. */
    public int[] rounded() {
        int x = (int) Math.round(left);
        int y = (int) Math.round(top);
        return new int[] {x, y, (int) Math.round(right()) - x, (int) Math.round(bottom()) - y};
    }
}
