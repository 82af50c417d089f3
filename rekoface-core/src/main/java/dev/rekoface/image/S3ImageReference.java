package dev.rekoface.image;

import dev.rekoface.InvalidImageException;
import dev.rekoface.model.ImageSize;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to an image stored in S3, passed to Rekognition as an {@code S3Object} so that the service reads it in
 * place (up to 15 MB, in the same region as the Rekognition client). Nothing is read from S3 here; the rekoface-s3
 * module can check the object first and attach its size.
 */
public final class S3ImageReference implements ImageSource {
    /** Largest S3 object Rekognition reads: 15 MB. */
    public static final long MAX_OBJECT_BYTES = 15L * 1024 * 1024;

    private static final Pattern BUCKET = Pattern.compile("[0-9A-Za-z.\\-_]{3,255}");

    private final String bucket;
    private final String key;
    private final String version;
    private final ImageSize displayedSize;

    S3ImageReference(String bucket, String key, String version, ImageSize displayedSize) {
        if (bucket == null || bucket.isEmpty()) {
            throw new InvalidImageException(InvalidImageException.Reason.INVALID_S3_OBJECT,
                "S3 bucket must not be empty (key '" + key + "')");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw new InvalidImageException(InvalidImageException.Reason.INVALID_S3_OBJECT,
                "S3 bucket '" + bucket + "' is not a valid bucket name (3-255 of letters, digits, '.', '-', '_')");
        }
        if (key == null || key.isEmpty()) {
            throw new InvalidImageException(InvalidImageException.Reason.INVALID_S3_OBJECT,
                "S3 key must not be empty (bucket '" + bucket + "')");
        }
        if (key.length() > 1024) {
            throw new InvalidImageException(InvalidImageException.Reason.INVALID_S3_OBJECT,
                "S3 key is " + key.length() + " characters long; Rekognition accepts at most 1024");
        }
        if (version != null && version.length() > 1024) {
            throw new InvalidImageException(InvalidImageException.Reason.INVALID_S3_OBJECT,
                "S3 object version is " + version.length() + " characters long; Rekognition accepts at most 1024");
        }
        this.bucket = bucket;
        this.key = key;
        this.version = version;
        this.displayedSize = displayedSize;
    }

    /** Returns the bucket name. */
    public String bucket() {
        return bucket;
    }

    /** Returns the object key. */
    public String key() {
        return key;
    }

    /** Returns the object version, if one was chosen. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /**
     * Returns a copy that knows the image's displayed size, so that results carry pixel geometry.
     *
     * @param size the displayed size (after EXIF orientation)
     * @return the copy
     */
    public S3ImageReference withDisplayedSize(ImageSize size) {
        return new S3ImageReference(bucket, key, version, Objects.requireNonNull(size, "size"));
    }

    @Override
    public Optional<ImageSize> geometrySize() {
        return Optional.ofNullable(displayedSize);
    }

    /** Returns the {@code s3://bucket/key} URI (without the version). */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String description() {
        return uri() + (version == null ? "" : " (version " + version + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3ImageReference r && bucket.equals(r.bucket) && key.equals(r.key)
            && Objects.equals(version, r.version) && Objects.equals(displayedSize, r.displayedSize);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucket, key, version, displayedSize);
    }

    @Override
    public String toString() {
        return "S3ImageReference[" + description() + "]";
    }
}
