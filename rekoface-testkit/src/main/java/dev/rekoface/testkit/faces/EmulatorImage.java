package dev.rekoface.testkit.faces;

import dev.rekoface.model.ImageSize;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image the local Rekognition accepted, as its {@link FaceSource}s see it: the bytes, their format, the stored
 * pixel size, the EXIF orientation and the SHA-256 of the bytes.
 *
 * <p>The emulator builds these after checking the image against the service's rules (its own checks, independent of
 * rekoface-core's); tests build them directly to call a face source. Nothing here decodes pixels. Immutable and
 * thread-safe; {@link #bytes()} returns a copy.
 */
public final class EmulatorImage {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The image formats Rekognition accepts. */
    public enum Format {
        /** JPEG (JFIF or EXIF). */
        JPEG,
        /** PNG. */
        PNG
    }

    private final byte[] bytes;
    private final Format format;
    private final int width;
    private final int height;
    private final int exifOrientation;
    private final String sha256;

    /**
     * Creates an image, computing the SHA-256 of its bytes.
     *
     * @param bytes the image bytes (copied)
     * @param format the format of the bytes
     * @param width the stored width in pixels (before EXIF orientation)
     * @param height the stored height in pixels
     * @param exifOrientation the EXIF orientation 1-8 (1 when there is none)
     * @throws IllegalArgumentException if a size is not positive or the orientation is not 1-8
     */
    public EmulatorImage(byte[] bytes, Format format, int width, int height, int exifOrientation) {
        this(bytes, format, width, height, exifOrientation, sha256(bytes));
    }

    /**
     * Creates an image whose SHA-256 the caller already computed (it is not computed again).
     *
     * @param bytes the image bytes (copied)
     * @param format the format of the bytes
     * @param width the stored width in pixels (before EXIF orientation)
     * @param height the stored height in pixels
     * @param exifOrientation the EXIF orientation 1-8 (1 when there is none)
     * @param sha256 the lower-case hex SHA-256 of the bytes
     * @throws IllegalArgumentException if a size is not positive, the orientation is not 1-8 or the SHA-256 is not 64
     *     lower-case hex digits
     */
    public EmulatorImage(byte[] bytes, Format format, int width, int height, int exifOrientation, String sha256) {
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
        this.format = Objects.requireNonNull(format, "format");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
        if (exifOrientation < 1 || exifOrientation > 8) {
            throw new IllegalArgumentException("EXIF orientation must be 1-8, was " + exifOrientation);
        }
        if (!SHA256.matcher(Objects.requireNonNull(sha256, "sha256")).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was '" + sha256 + "'");
        }
        this.width = width;
        this.height = height;
        this.exifOrientation = exifOrientation;
        this.sha256 = sha256;
    }

    /** Returns a copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns a stream over the bytes (no copy). */
    public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
    }

    /** Returns the number of bytes. */
    public int byteCount() {
        return bytes.length;
    }

    /** Returns the format, judged from the bytes. */
    public Format format() {
        return format;
    }

    /** Returns the stored width in pixels (before EXIF orientation). */
    public int width() {
        return width;
    }

    /** Returns the stored height in pixels (before EXIF orientation). */
    public int height() {
        return height;
    }

    /** Returns the EXIF orientation, 1 (upright, or no EXIF) to 8. */
    public int exifOrientation() {
        return exifOrientation;
    }

    /** Returns the displayed size: the stored size after EXIF orientation, which face geometry refers to. */
    public ImageSize displayedSize() {
        return exifOrientation >= 5 ? new ImageSize(height, width) : new ImageSize(width, height);
    }

    /** Returns the lower-case hex SHA-256 of the bytes. */
    public String sha256() {
        return sha256;
    }

    /**
     * Computes the lower-case hex SHA-256 of bytes.
     *
     * @param bytes the bytes
     * @return 64 hex digits
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Objects.requireNonNull(bytes, "bytes")));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmulatorImage other && sha256.equals(other.sha256) && exifOrientation == other.exifOrientation
            && format == other.format && width == other.width && height == other.height;
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "EmulatorImage[" + format + ", " + bytes.length + " bytes, " + width + "x" + height
            + (exifOrientation != 1 ? ", EXIF orientation " + exifOrientation : "") + ", sha256 " + sha256.substring(0, 12) + "]";
    }
}
