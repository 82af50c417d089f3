package dev.rekoface.s3;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.S3ImageReference;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An {@code s3://bucket/key} URI, parsed strictly: the scheme must be {@code s3}, the bucket must be a valid S3
 * bucket name (3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit), and the
 * key is everything after the first slash, kept verbatim (S3 keys may contain spaces, {@code +}, {@code ?} and
 * {@code #}). A prefix URI ({@code s3://bucket} or {@code s3://bucket/photos/}) has an empty or slash-ended key.
 * Immutable.
 */
public final class S3Uri {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");

    private final String bucket;
    private final String key;

    private S3Uri(String bucket, String key) {
        this.bucket = bucket;
        this.key = key;
    }

    /**
     * Parses a URI.
     *
     * @param uri e.g. {@code s3://photos/team/ric.jpg} or {@code s3://photos/team/}
     * @return the parsed URI
     * @throws InvalidArgumentException naming the URI and what is wrong with it
     */
    public static S3Uri parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidArgumentException("s3 uri", "S3 URI must not be empty; expected s3://BUCKET/KEY");
        }
        if (!uri.startsWith("s3://")) {
            throw new InvalidArgumentException("s3 uri", "'" + uri + "' is not an S3 URI; expected s3://BUCKET/KEY");
        }
        String rest = uri.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new InvalidArgumentException("s3 uri", "S3 URI '" + uri + "' has no bucket; expected s3://BUCKET/KEY");
        }
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidArgumentException("s3 uri", "S3 URI '" + uri + "' has an invalid bucket name '" + bucket
                + "' (3-63 lower-case letters, digits, '.' and '-', starting and ending with a letter or digit)");
        }
        if (key.length() > 1024) {
            throw new InvalidArgumentException("s3 uri", "S3 URI '" + uri.substring(0, 60) + "...' has a key of "
                + key.length() + " characters; S3 keys are at most 1024");
        }
        return new S3Uri(bucket, key);
    }

    /** Returns the bucket name. */
    public String bucket() {
        return bucket;
    }

    /** Returns the key, or the prefix; empty for the whole bucket. */
    public String key() {
        return key;
    }

    /** Returns the key if this URI names an object (non-empty key not ending in a slash). */
    public Optional<String> objectKey() {
        return key.isEmpty() || key.endsWith("/") ? Optional.empty() : Optional.of(key);
    }

    /**
     * Returns the object as an image Rekognition reads in place.
     *
     * @return the reference
     * @throws InvalidArgumentException if this URI names a prefix, not an object
     */
    public S3ImageReference toImageSource() {
        String k = objectKey().orElseThrow(() -> new InvalidArgumentException("s3 uri",
            "S3 URI '" + this + "' names a prefix, not an object; expected s3://BUCKET/KEY"));
        return ImageSource.fromS3(bucket, k);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3Uri u && bucket.equals(u.bucket) && key.equals(u.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucket, key);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (key.isEmpty() ? "" : "/" + key);
    }
}
