package dev.rekoface.image;

import dev.rekoface.InvalidImageException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An image to analyse: local bytes (from a byte array, file, stream, base64 text or data URL), validated when
 * created, or a reference to an S3 object that Rekognition reads in place.
 *
 * <pre>{@code
 * ImageSource photo = ImageSource.fromFile(Path.of("team.jpg"));
 * ImageSource webcam = ImageSource.fromDataUrl(request.getParameter("b64text"));   // "data:image/jpeg;base64,..."
 * ImageSource stored = ImageSource.fromS3("my-bucket", "photos/ric.jpg");
 * }</pre>
 *
 * <p>Every local factory throws {@link InvalidImageException} before any network call when the image breaks one of
 * Rekognition's rules: JPEG or PNG ({@code UNSUPPORTED_FORMAT}), 1 byte ({@code EMPTY}) to {@link #MAX_BYTES}
 * ({@code TOO_LARGE}), complete and with image data that can decode to its declared size ({@code CORRUPT}), and
 * {@link #MIN_SIDE} to {@link #MAX_SIDE} pixels a side, judged from the header before anything is decoded
 * ({@code BAD_DIMENSIONS}). Instances are immutable and thread-safe.
 */
public sealed interface ImageSource permits LocalImage, S3ImageReference {

    /** Largest image Rekognition accepts as bytes: 5 MB (5,242,880 bytes). */
    int MAX_BYTES = 5 * 1024 * 1024;
    /** Smallest side Rekognition accepts, in pixels. */
    int MIN_SIDE = 80;
    /**
     * Largest side accepted, in pixels: 10,000, so at most 100 megapixels. Rekognition documents this bound for
     * DetectLabels and DetectModerationLabels and answers {@code ImageTooLargeException} ("Input image dimensions
     * W x H exceed maximum dimension size of 10000 pixels") over it. The size is read from the header, so a small
     * file declaring a huge picture (a decompression bomb: a 1.7 MB PNG of 20000 x 20000 pixels) is refused before any
     * pixel is decoded, also with {@link ImageOption#DOWNSCALE_TO_FIT}.
     */
    int MAX_SIDE = 10_000;

    /**
     * Returns the displayed size (after EXIF orientation) that pixel geometry refers to, when known.
     * Always known for local images; for S3 references only when set with {@link S3ImageReference#withDisplayedSize}.
     */
    Optional<dev.rekoface.model.ImageSize> geometrySize();

    /** Returns a short description for messages and logs (never the bytes), e.g. {@code file photo.jpg}. */
    String description();

    /**
     * Reads an image from bytes.
     *
     * @param bytes JPEG or PNG bytes; copied
     * @param options reading options
     * @return the validated image
     * @throws InvalidImageException if the bytes break one of Rekognition's rules
     */
    static LocalImage fromBytes(byte[] bytes, ImageOption... options) {
        return LocalImageReader.fromBytes(bytes, options);
    }

    /**
     * Reads an image file. The format is judged from the bytes, not the name.
     *
     * @param file a regular, readable file
     * @param options reading options
     * @return the validated image
     * @throws InvalidImageException if the file is missing, a directory, unreadable, or breaks a rule
     */
    static LocalImage fromFile(Path file, ImageOption... options) {
        return LocalImageReader.fromFile(file, options);
    }

    /**
     * Reads an image from a stream, up to its end. The stream is not closed.
     *
     * @param in the stream
     * @param options reading options
     * @return the validated image
     * @throws InvalidImageException if reading fails, or the image breaks a rule (a stream longer than the limit is
     *     refused as soon as the limit is passed, without reading the rest)
     */
    static LocalImage fromStream(InputStream in, ImageOption... options) {
        return LocalImageReader.fromStream(in, options);
    }

    /**
     * Reads an image from base64 text (standard or URL-safe alphabet; line breaks and spaces ignored). A data URL is
     * accepted too.
     *
     * @param base64 the text
     * @param options reading options
     * @return the validated image
     * @throws InvalidImageException if the text is not valid base64 or the decoded image breaks a rule
     */
    static LocalImage fromBase64(String base64, ImageOption... options) {
        return LocalImageReader.fromBase64(base64, options);
    }

    /**
     * Reads an image from a data URL as browsers produce it, e.g. a webcam capture:
     * {@code data:image/jpeg;base64,/9j/4AAQ...}.
     *
     * @param dataUrl the URL
     * @param options reading options
     * @return the validated image
     * @throws InvalidImageException ({@link InvalidImageException.Reason#MALFORMED_TEXT}) if it is not a base64
     *     {@code data:image/...} URL, or if the image breaks a rule
     */
    static LocalImage fromDataUrl(String dataUrl, ImageOption... options) {
        return LocalImageReader.fromDataUrl(dataUrl, options);
    }

    /**
     * Refers to an S3 object that Rekognition reads in place (it must be in the client's region).
     *
     * @param bucket the bucket name
     * @param key the object key
     * @return the reference
     * @throws InvalidImageException if the bucket or key breaks S3's or Rekognition's rules
     */
    static S3ImageReference fromS3(String bucket, String key) {
        return new S3ImageReference(bucket, key, null, null);
    }

    /**
     * Refers to one version of an S3 object.
     *
     * @param bucket the bucket name
     * @param key the object key
     * @param version the object version id
     * @return the reference
     * @throws InvalidImageException if the bucket, key or version breaks S3's or Rekognition's rules
     */
    static S3ImageReference fromS3(String bucket, String key, String version) {
        if (version == null || version.isEmpty()) {
            throw new InvalidImageException(InvalidImageException.Reason.INVALID_S3_OBJECT,
                "S3 object version must not be empty for s3://" + bucket + "/" + key + "; use fromS3(bucket, key) for the latest version");
        }
        return new S3ImageReference(bucket, key, version, null);
    }
}
