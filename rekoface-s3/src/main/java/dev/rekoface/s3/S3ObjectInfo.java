package dev.rekoface.s3;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One object of a bucket listing.
 *
 * @param bucket the bucket
 * @param key the key
 * @param size the size in bytes
 * @param etag the ETag without quotes (the content's MD5 for single-part uploads)
 * @param lastModified when it was last written, when known
 */
public record S3ObjectInfo(String bucket, String key, long size, String etag, Optional<Instant> lastModified) {
    /** Validates the fields. */
    public S3ObjectInfo {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /** Returns the object's URI. */
    public S3Uri uri() {
        return S3Uri.parse("s3://" + bucket + "/" + key);
    }
}
