package dev.rekoface.model;

import dev.rekoface.InvalidArgumentException;

/**
 * A box as ratios of the displayed image, exactly as Rekognition reports it.
 *
 * <p>Values may be below 0 or above 1 when a face is cut by the image border (Rekognition reports, for example, a
 * negative {@code left}); they are kept as they are, never clipped.
 *
 * @param left left edge as a ratio of the image width
 * @param top top edge as a ratio of the image height
 * @param width width as a ratio of the image width, not negative
 * @param height height as a ratio of the image height, not negative
 */
public record BoundingBox(double left, double top, double width, double height) {
    /** Rejects NaN, infinities and negative sizes. */
    public BoundingBox {
        Percentages.requireFinite("left", left);
        Percentages.requireFinite("top", top);
        if (!(width >= 0) || !(height >= 0) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new InvalidArgumentException("box size",
                "box width and height must be finite and >= 0, were " + width + ", " + height);
        }
    }

    /**
     * Converts the box to pixels of the displayed image.
     *
     * @param size the displayed image size (after EXIF orientation)
     * @return the box in pixels
     */
    public PixelBox toPixels(ImageSize size) {
        return new PixelBox(left * size.width(), top * size.height(), width * size.width(), height * size.height());
    }

    /** Returns the centre of the box, as ratios. */
    public Point center() {
        return new Point(left + width / 2, top + height / 2);
    }

    /** Returns the area as a fraction of the image area. */
    public double area() {
        return width * height;
    }
}
