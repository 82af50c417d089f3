package dev.rekoface.s3.lambda;

import dev.rekoface.InvalidArgumentException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the S3-event handler writes and what it does.
 *
 * @param processedBucket the bucket for the outputs; may be the uploads' bucket when {@code processedPrefix} sets the
 *     outputs apart
 * @param processedPrefix the key prefix of the outputs, e.g. {@code processed/} (may be empty for a separate bucket)
 * @param collectionId when set, faces are indexed into this collection (person id from the object's
 *     {@code x-amz-meta-person-id}, else its file name); otherwise they are only detected
 */
public record HandlerConfig(String processedBucket, String processedPrefix, Optional<String> collectionId) {
    /** The environment variable naming the processed bucket. */
    public static final String ENV_BUCKET = "PROCESSED_BUCKET";
    /** The environment variable naming the output prefix (default {@code processed/}). */
    public static final String ENV_PREFIX = "PROCESSED_PREFIX";
    /** The environment variable naming the collection to index into (optional). */
    public static final String ENV_COLLECTION = "COLLECTION_ID";

    /** Validates the fields. */
    public HandlerConfig {
        Objects.requireNonNull(processedPrefix, "processedPrefix");
        Objects.requireNonNull(collectionId, "collectionId");
        if (processedBucket == null || processedBucket.isBlank()) {
            throw new InvalidArgumentException("processed bucket", "the processed bucket must be set (environment variable "
                + ENV_BUCKET + ")");
        }
    }

    /**
     * Reads the configuration from environment variables ({@value #ENV_BUCKET}, {@value #ENV_PREFIX},
     * {@value #ENV_COLLECTION}), as a Lambda function has it.
     *
     * @param env the environment
     * @return the configuration
     */
    public static HandlerConfig fromEnvironment(Map<String, String> env) {
        return new HandlerConfig(env.get(ENV_BUCKET), env.getOrDefault(ENV_PREFIX, "processed/"),
            Optional.ofNullable(env.get(ENV_COLLECTION)).filter(s -> !s.isBlank()));
    }

    /**
     * Tells whether an object is one of the handler's own outputs, which it must never process (no loops).
     *
     * @param bucket the object's bucket
     * @param key the object's key
     * @return true for an output
     */
    public boolean isOutput(String bucket, String key) {
        return bucket.equals(processedBucket) && key.startsWith(processedPrefix);
    }
}
