package dev.rekoface.testkit.faces;

/**
 * Thrown by a {@link FaceSource} when it cannot decode the pixels of an image it was given: the data is damaged, or
 * the declared size is over what the source decodes. The emulator answers such a request with the service's
 * {@code InvalidImageFormatException} (HTTP 400), as Rekognition does for an image it cannot read.
 */
public final class UnreadableImageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be read and why
     */
    public UnreadableImageException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what could not be read and why
     * @param cause the decoder's error
     */
    public UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
