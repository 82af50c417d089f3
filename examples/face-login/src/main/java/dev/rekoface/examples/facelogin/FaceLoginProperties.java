package dev.rekoface.examples.facelogin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's own settings ({@code face-login.*}); Rekognition's are the starter's {@code rekoface.*}, and the
 * login threshold is the starter's {@code rekoface.similarity-threshold}.
 */
@ConfigurationProperties("face-login")
public class FaceLoginProperties {
    /** The Rekognition collection that holds the registered faces. */
    private String collection = "face-login";
    /** The S3 bucket that keeps the snapshots (created on the embedded local S3; on AWS it must exist). */
    private String bucket = "rekoface-snapshots";
    /** Whether to create the bucket when it is missing (always done on the embedded local S3). */
    private boolean createBucket;
    /** The largest API request body in bytes: a 5 MB image as a base64 data URL, in JSON. */
    private long maxRequestBytes = 7_400_000;
    /** API requests handled at once; more wait up to 10 s, then get 503 (bounds the memory bodies can take). */
    private int maxConcurrentRequests = 16;

    /** Returns the collection id. */
    public String getCollection() {
        return collection;
    }

    /**
     * Sets the collection id.
     *
     * @param collection the id
     */
    public void setCollection(String collection) {
        this.collection = collection;
    }

    /** Returns the snapshot bucket. */
    public String getBucket() {
        return bucket;
    }

    /**
     * Sets the snapshot bucket.
     *
     * @param bucket the bucket name
     */
    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    /** Returns whether a missing bucket is created at start-up. */
    public boolean isCreateBucket() {
        return createBucket;
    }

    /**
     * Sets whether a missing bucket is created at start-up.
     *
     * @param createBucket true to create it
     */
    public void setCreateBucket(boolean createBucket) {
        this.createBucket = createBucket;
    }

    /** Returns the largest API request body in bytes. */
    public long getMaxRequestBytes() {
        return maxRequestBytes;
    }

    /**
     * Sets the largest API request body.
     *
     * @param maxRequestBytes bytes, at least 1
     * @throws IllegalArgumentException if below 1
     */
    public void setMaxRequestBytes(long maxRequestBytes) {
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("face-login.max-request-bytes must be at least 1, not " + maxRequestBytes);
        }
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Returns how many API requests are handled at once. */
    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /**
     * Sets how many API requests are handled at once.
     *
     * @param maxConcurrentRequests at least 1
     * @throws IllegalArgumentException if below 1
     */
    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("face-login.max-concurrent-requests must be at least 1, not "
                + maxConcurrentRequests);
        }
        this.maxConcurrentRequests = maxConcurrentRequests;
    }
}
