package dev.rekoface.model;

import dev.rekoface.InvalidArgumentException;

/**
 * The size of an image in pixels, as displayed (after EXIF orientation).
 *
 * @param width width in pixels, at least 1
 * @param height height in pixels, at least 1
 */
public record ImageSize(int width, int height) {
    /** Validates both sides. */
    public ImageSize {
        if (width < 1 || height < 1) {
            throw new InvalidArgumentException("image size", "image size must be positive, was " + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
