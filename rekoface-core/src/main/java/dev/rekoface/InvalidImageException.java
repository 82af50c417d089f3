package dev.rekoface;

/**
 * An image Rekognition would refuse: not JPEG or PNG, empty, too large, too small, truncated, base64 text passed as
 * bytes, or a file that cannot be read. Thrown before any request is sent for local images; also thrown for the
 * service's {@code InvalidImageFormatException}, {@code ImageTooLargeException} and
 * {@code InvalidS3ObjectException}. {@link #reason()} says which rule was broken.
 */
public class InvalidImageException extends RekofaceException {
    private static final long serialVersionUID = 1L;

    /** Why an image was refused. */
    public enum Reason {
        /** Not JPEG or PNG (GIF, BMP, WebP, TIFF, HEIC, or not an image at all), judged from the bytes. */
        UNSUPPORTED_FORMAT,
        /** Zero bytes. */
        EMPTY,
        /** Over the size limit (5 MB for bytes, 15 MB for S3 objects). */
        TOO_LARGE,
        /** A side under 80 pixels, or over the operation's maximum. */
        BAD_DIMENSIONS,
        /** The file ends before the image does, or its structure is broken. */
        CORRUPT,
        /** Base64 text was passed where image bytes were expected. */
        BASE64_TEXT,
        /** A base64 string or data URL that cannot be decoded. */
        MALFORMED_TEXT,
        /** The path does not exist. */
        FILE_NOT_FOUND,
        /** The path is a directory or another non-regular file. */
        NOT_A_FILE,
        /** The file or stream exists but could not be read. */
        UNREADABLE,
        /** The S3 object reference is malformed or the object cannot be read by the service. */
        INVALID_S3_OBJECT
    }

    private final Reason reason;

    /**
     * Creates an exception for a rule checked locally.
     *
     * @param reason which rule
     * @param message what was wrong, naming the image and the value
     */
    public InvalidImageException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param reason which rule
     * @param message what was wrong
     * @param cause the underlying exception
     */
    public InvalidImageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * Creates an exception from a service error.
     *
     * @param reason which rule
     * @param message what was wrong
     * @param cause the SDK exception
     * @param errorCode the service's error code
     * @param requestId the service's request id
     */
    public InvalidImageException(Reason reason, String message, Throwable cause, String errorCode, String requestId) {
        super(message, cause, errorCode, requestId);
        this.reason = reason;
    }

    /** Returns which rule the image broke. */
    public Reason reason() {
        return reason;
    }
}
