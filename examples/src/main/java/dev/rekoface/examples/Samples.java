package dev.rekoface.examples;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.testkit.fixtures.Fixtures;

/**
 * The sample photos the examples use: bundled with rekoface (rekoface-testkit-fixtures), and preloaded by
 * {@code rekoface local} in its {@code rekoface-samples} bucket.
 */
public final class Samples {
    private Samples() {
    }

    /**
     * Returns a sample photo's bytes as an image.
     *
     * @param name e.g. {@code obama.jpg}
     * @return the image
     */
    public static LocalImage image(String name) {
        return ImageSource.fromBytes(Fixtures.image(name).bytes());
    }

    /**
     * Returns the raw bytes of a sample photo.
     *
     * @param name e.g. {@code obama.jpg}
     * @return the bytes
     */
    public static byte[] bytes(String name) {
        return Fixtures.image(name).bytes();
    }

    /**
     * Returns the bucket holding the sample photos, refusing a missing one with what to pass.
     *
     * @param bucket the bucket, or null when none was named
     * @return the bucket
     * @throws InvalidArgumentException when the bucket is null
     */
    public static String requireBucket(String bucket) {
        if (bucket == null) {
            throw new InvalidArgumentException("--bucket", "this example needs a bucket holding the sample images: pass "
                + "--bucket NAME (rekoface-samples on `rekoface local`)");
        }
        return bucket;
    }

    /**
     * Returns where a sample photo is in the samples bucket.
     *
     * @param bucket the bucket holding the sample photos
     * @param name e.g. {@code obama.jpg}
     * @return the S3 URI
     * @throws InvalidArgumentException when the bucket is null
     */
    public static S3Uri inBucket(String bucket, String name) {
        return S3Uri.parse("s3://" + requireBucket(bucket) + "/" + name);
    }

    /**
     * Fails a step whose result is not what the story expects.
     *
     * @param condition what must hold
     * @param message what went wrong otherwise
     */
    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
