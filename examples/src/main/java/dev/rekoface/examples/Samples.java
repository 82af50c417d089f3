package dev.rekoface.examples;

import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.testkit.fixtures.Fixtures;

/** The sample photos the examples use (bundled with rekoface, and preloaded in the local stack's samples bucket). */
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
     * Returns where a sample photo is in the environment's samples bucket.
     *
     * @param env the environment
     * @param name e.g. {@code obama.jpg}
     * @return the S3 URI
     * @throws dev.rekoface.InvalidArgumentException when the environment has no samples bucket
     */
    public static S3Uri inBucket(Env env, String name) {
        String bucket = env.samplesBucket().orElseThrow(() -> new dev.rekoface.InvalidArgumentException("--bucket",
            "this example needs a bucket holding the sample images: pass --bucket NAME (with --aws or --endpoint)"));
        return S3Uri.parse("s3://" + bucket + "/" + name);
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
