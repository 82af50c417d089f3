package dev.rekoface.engine;

/**
 * The root of the face engine's own exceptions: {@link EngineModelException} for a model file that is missing or
 * corrupt, {@link EngineImageException} for an image the engine will not or cannot decode. Unchecked.
 *
 * <p>Immutable and thread-safe.
 */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     * @param cause the underlying error, or null
     */
    protected EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
