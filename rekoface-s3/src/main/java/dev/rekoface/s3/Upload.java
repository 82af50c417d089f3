package dev.rekoface.s3;

import dev.rekoface.image.ImageFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What an upload stored.
 *
 * @param uri where
 * @param size bytes stored
 * @param format the image format, sniffed from the bytes
 * @param etag the ETag S3 returned
 * @param versionId the version id, for versioned buckets
 * @param parts 1 for a single PUT, more for a multipart upload
 */
public record Upload(S3Uri uri, long size, ImageFormat format, String etag, Optional<String> versionId, int parts) {
    /** Validates the fields. */
    public Upload {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(versionId, "versionId");
    }
}
