package dev.rekoface.examples.facelogin;

/** A client's mistake, answered 400 with {@code {"error": message, "code": code}}; nothing was stored. */
public class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * Creates the exception.
     *
     * @param code a stable machine-readable code, e.g. {@code NO_FACE}
     * @param message what was wrong, naming the value
     */
    public BadRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Returns the machine-readable code. */
    public String code() {
        return code;
    }
}
