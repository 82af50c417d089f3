package dev.rekoface.engine;

/**
 * Tells that a model file of the face engine is missing, corrupt (its SHA-256 differs from the expected one) or
 * cannot be parsed. The message names the file and, for a hash mismatch, the expected and actual hashes.
 *
 * <p>Immutable and thread-safe.
 */
public final class EngineModelException extends EngineException {
    private static final long serialVersionUID = 1L;

    private final String file;

    /**
     * Creates the exception.
     *
     * @param file the model file concerned, e.g. {@code face_recognition_model.bin}
     * @param message what is wrong
     * @param cause the underlying error, or null
     */
    public EngineModelException(String file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** Returns the name of the model file concerned. */
    public String file() {
        return file;
    }
}
