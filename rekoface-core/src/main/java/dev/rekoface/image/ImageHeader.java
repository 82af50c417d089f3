package dev.rekoface.image;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.InvalidImageException;
import dev.rekoface.model.ImageSize;
import java.util.Objects;

/**
 * What the first bytes of an image tell: its format, stored size and EXIF orientation. Reads only the headers, so
 * the first 64 KB of a file (a ranged read of an S3 object) are usually enough.
 *
 * @param format JPEG or PNG
 * @param storedSize the stored pixel size
 * @param exifOrientation 1-8 (1 when there is none)
 */
public record ImageHeader(ImageFormat format, ImageSize storedSize, int exifOrientation) {
    /** Validates the fields. */
    public ImageHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(storedSize, "storedSize");
        if (exifOrientation < 1 || exifOrientation > 8) {
            throw new InvalidArgumentException("EXIF orientation", "EXIF orientation must be 1-8, was " + exifOrientation);
        }
    }

    /** Returns the displayed size: the stored size after EXIF orientation. */
    public ImageSize displayedSize() {
        return exifOrientation >= 5 ? new ImageSize(storedSize.height(), storedSize.width()) : storedSize;
    }

    /**
     * Reads the header from the first bytes of an image.
     *
     * @param prefix the first bytes (the whole image works too)
     * @param description what the bytes are, for messages (e.g. an S3 URI)
     * @return the header
     * @throws InvalidImageException if the bytes are not JPEG or PNG ({@code UNSUPPORTED_FORMAT}), empty, base64
     *     text, or end before the size is known ({@code CORRUPT})
     */
    public static ImageHeader read(byte[] prefix, String description) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(description, "description");
        if (prefix.length == 0) {
            throw new InvalidImageException(InvalidImageException.Reason.EMPTY, "image " + description + " is empty (0 bytes)");
        }
        ImageFormat format = ImageInspector.sniff(prefix, description);
        ImageSize size = format == ImageFormat.JPEG ? ImageInspector.jpegSize(prefix, description, false)
            : ImageInspector.pngSize(prefix, description, false);
        int orientation = format == ImageFormat.JPEG ? ImageInspector.exifOrientation(prefix) : 1;
        return new ImageHeader(format, size, orientation);
    }
}
