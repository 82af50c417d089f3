package dev.rekoface.engine;

/**
 * Tells that the face engine will not or cannot decode an image: it is empty, not a JPEG or PNG, declares more than
 * {@value FaceEngine#MAX_PIXELS} pixels (refused from its header, before any pixel is decoded), or its data is
 * damaged or in a form the JDK's decoders do not read (an unsupported JPEG colour space, say). The message says
 * which, with the format and declared size when they are known; it never holds image bytes.
 *
 * <p>Immutable and thread-safe.
 */
public final class EngineImageException extends EngineException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be read and why
     * @param cause the decoder's error, or null
     */
    public EngineImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
