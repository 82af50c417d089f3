package dev.rekoface.image;

import dev.rekoface.model.ImageSize;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * A validated image held in memory, sent to Rekognition as bytes.
 *
 * <p>Knows its format, its stored pixel size, its EXIF orientation and its displayed (upright) size, so that face
 * geometry can be reported in pixels of the image as people see it. Immutable and thread-safe;
 * {@link #bytes()} returns a copy.
 */
public final class LocalImage implements ImageSource {
    private final byte[] bytes;
    private final ImageFormat format;
    private final ImageSize storedSize;
    private final int orientation;
    private final ImageSize geometrySize;
    private final String description;
    private final boolean downscaled;

    LocalImage(byte[] bytes, ImageFormat format, ImageSize storedSize, int orientation, ImageSize geometrySize,
               String description, boolean downscaled) {
        this.bytes = bytes;
        this.format = format;
        this.storedSize = storedSize;
        this.orientation = orientation;
        this.geometrySize = geometrySize;
        this.description = description;
        this.downscaled = downscaled;
    }

    /** Returns a copy of the bytes that will be sent. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns a stream over the bytes that will be sent. */
    public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
    }

    /** Returns the number of bytes that will be sent. */
    public int byteCount() {
        return bytes.length;
    }

    /** Returns the format, judged from the bytes. */
    public ImageFormat format() {
        return format;
    }

    /** Returns the size of the stored pixel array (before EXIF orientation) of the bytes that will be sent. */
    public ImageSize storedSize() {
        return storedSize;
    }

    /** Returns the EXIF orientation, 1 (upright, or no EXIF) to 8. */
    public int exifOrientation() {
        return orientation;
    }

    /** Returns the displayed size of the bytes that will be sent: the stored size after EXIF orientation. */
    public ImageSize displayedSize() {
        return orientation >= 5 ? new ImageSize(storedSize.height(), storedSize.width()) : storedSize;
    }

    /**
     * Returns the displayed size of the original image, which pixel geometry refers to. Equal to
     * {@link #displayedSize()} unless the image was downscaled to fit ({@link ImageOption#DOWNSCALE_TO_FIT}).
     */
    @Override
    public Optional<ImageSize> geometrySize() {
        return Optional.of(geometrySize);
    }

    /**
     * Decodes the image and turns it upright (EXIF orientation applied), as people see it. The result has the
     * {@linkplain #displayedSize() displayed size} of the bytes that will be sent.
     *
     * @return a new RGB image
     * @throws dev.rekoface.InvalidImageException {@code CORRUPT} if the JVM's decoder cannot decode the bytes,
     *     {@code BAD_DIMENSIONS} if they declare more than {@link ImageSource#MAX_SIDE} pixels a side (checked before
     *     decoding)
     */
    public java.awt.image.BufferedImage decodeUpright() {
        return Downscaler.applyOrientation(Downscaler.toRgb(BoundedDecoder.decode(bytes, description, "")), orientation);
    }

    /** Returns true if the bytes were re-encoded smaller to fit the 5 MB limit. */
    public boolean wasDownscaled() {
        return downscaled;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalImage other && Arrays.equals(bytes, other.bytes)
            && geometrySize.equals(other.geometrySize);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + geometrySize.hashCode();
    }

    @Override
    public String toString() {
        return "LocalImage[" + description + ", " + format + ", " + bytes.length + " bytes, " + displayedSize()
            + (orientation != 1 ? ", EXIF orientation " + orientation : "") + (downscaled ? ", downscaled" : "") + "]";
    }
}
