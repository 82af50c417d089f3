package dev.rekoface.s3;

import dev.rekoface.image.ImageFormat;
import dev.rekoface.image.LocalImage;
import dev.rekoface.image.S3ImageReference;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Images in S3 for Rekognition: checked references that Rekognition reads in place, uploads, downloads, presigned
 * links and listings.
 *
 * <pre>{@code
 * try (S3Images s3 = S3Images.builder().region(Region.EU_WEST_1).build()) {
 *     Upload up = s3.upload(Path.of("ric.jpg"), S3Uri.parse("s3://image-demo-lab/ric.jpg"));
 *     S3ImageReference ric = s3.check(up.uri());               // HEAD + a ranged read: size, format, pixels
 *     List<FaceDetails> faces = reko.detectFaces(ric);         // Rekognition reads it in place
 *     PresignedUrl link = s3.presignGet(up.uri(), Duration.ofHours(1));
 * }
 * }</pre>
 *
 * <p>Every check that can be made before a call is made before it: URIs are parsed strictly, objects over 15 MB or
 * that are not JPEG/PNG (judged from their bytes) are refused with an {@link dev.rekoface.InvalidImageException},
 * expiries over 7 days with an {@link dev.rekoface.InvalidArgumentException}. Thread-safe; closes only the clients it
 * created.
 */
public interface S3Images extends AutoCloseable {

    /** Returns a builder. */
    static Builder builder() {
        return new dev.rekoface.s3.internal.DefaultS3Images.DefaultBuilder();
    }

    /**
     * Checks an object before Rekognition reads it: HEAD (it exists, at most 15 MB), a ranged read of its first
     * 64 KB (JPEG or PNG by its bytes, at least 80 px per side), and, when the Rekognition region is configured, that
     * the bucket is in that region. The reference carries the displayed size, so results get pixel geometry.
     *
     * @param uri the object
     * @return the checked reference
     * @throws dev.rekoface.InvalidImageException if the object is missing, too large or not an image
     * @throws dev.rekoface.InvalidArgumentException if the bucket is in another region than Rekognition
     */
    S3ImageReference check(S3Uri uri);

    /**
     * Downloads an image (for drawing on it, or for an operation that needs bytes). Images over 5 MB are downscaled
     * to fit Rekognition's byte limit, keeping their geometry.
     *
     * @param uri the object
     * @return the image
     */
    LocalImage download(S3Uri uri);

    /**
     * Uploads an image file, with the content type sniffed from its bytes. Files over 8 MB go up in parts; a failed
     * multipart upload is aborted, so nothing half-written stays.
     *
     * @param file a JPEG or PNG file of at most 15 MB
     * @param destination the object to write
     * @return what was stored
     */
    default Upload upload(Path file, S3Uri destination) {
        return upload(file, destination, Map.of());
    }

    /**
     * Uploads an image file with user metadata.
     *
     * @param file a JPEG or PNG file of at most 15 MB
     * @param destination the object to write
     * @param metadata user metadata ({@code x-amz-meta-*}), ASCII keys
     * @return what was stored
     */
    Upload upload(Path file, S3Uri destination, Map<String, String> metadata);

    /**
     * Uploads image bytes.
     *
     * @param bytes JPEG or PNG bytes, at most 15 MB
     * @param destination the object to write
     * @param metadata user metadata
     * @return what was stored
     */
    Upload upload(byte[] bytes, S3Uri destination, Map<String, String> metadata);

    /**
     * Uploads an image from a stream, read to its end (at most 15 MB; not closed).
     *
     * @param in the stream
     * @param destination the object to write
     * @param metadata user metadata
     * @return what was stored
     */
    Upload upload(InputStream in, S3Uri destination, Map<String, String> metadata);

    /**
     * Checks a presign expiry without presigning anything, so a caller can reject a bad one before doing any work.
     *
     * @param expiry the wanted expiry
     * @return it, when more than 0 and at most 7 days
     * @throws dev.rekoface.InvalidArgumentException naming the expiry otherwise
     */
    static Duration checkPresignExpiry(Duration expiry) {
        return dev.rekoface.s3.internal.DefaultS3Images.checkExpiry(expiry);
    }

    /**
     * Presigns a GET link.
     *
     * @param uri the object
     * @param expiry more than 0 and at most 7 days (SigV4's limit)
     * @return the link
     * @throws dev.rekoface.InvalidArgumentException for an expiry outside that range (never silently shortened)
     */
    PresignedUrl presignGet(S3Uri uri, Duration expiry);

    /**
     * Presigns a PUT link for a browser upload of an image.
     *
     * @param uri the object to write
     * @param expiry more than 0 and at most 7 days
     * @param format the content type the upload must declare
     * @return the link, with the header the upload must send
     */
    PresignedUrl presignPut(S3Uri uri, Duration expiry, ImageFormat format);

    /**
     * Lists the objects under a prefix, following the pages lazily, in key order.
     *
     * @param prefix {@code s3://bucket} or {@code s3://bucket/prefix}
     * @return the objects
     */
    default Stream<S3ObjectInfo> list(S3Uri prefix) {
        return list(prefix, null);
    }

    /**
     * Lists the objects under a prefix whose key sorts after {@code startAfter}, lazily, in key order.
     *
     * @param prefix {@code s3://bucket} or {@code s3://bucket/prefix}
     * @param startAfter a key, or null to start at the beginning
     * @return the objects
     */
    Stream<S3ObjectInfo> list(S3Uri prefix, String startAfter);

    /** Returns the S3 client in use. */
    S3Client s3Client();

    /** Closes the clients this instance created. */
    @Override
    void close();

    /** Builds {@link S3Images}. */
    interface Builder {
        /**
         * Uses an S3 client the caller owns (never closed here).
         *
         * @param client the client
         * @return this builder
         */
        Builder s3Client(S3Client client);

        /**
         * Uses a presigner the caller owns (never closed here).
         *
         * @param presigner the presigner
         * @return this builder
         */
        Builder presigner(S3Presigner presigner);

        /**
         * Sets the region of the clients built here.
         *
         * @param region the region
         * @return this builder
         */
        Builder region(Region region);

        /**
         * Sets the credentials of the clients built here.
         *
         * @param credentials the provider
         * @return this builder
         */
        Builder credentialsProvider(AwsCredentialsProvider credentials);

        /**
         * Talks to another S3 endpoint (an S3-compatible server, in path style).
         *
         * @param endpoint the endpoint
         * @return this builder
         */
        Builder endpointOverride(URI endpoint);

        /**
         * Sets the Rekognition client's region, so that {@link S3Images#check} refuses buckets elsewhere
         * (Rekognition reads S3 objects only in its own region).
         *
         * @param region the Rekognition region
         * @return this builder
         */
        Builder rekognitionRegion(Region region);

        /** Builds the instance. */
        S3Images build();
    }
}
