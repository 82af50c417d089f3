package dev.rekoface.testkit.emulator;

/**
 * An error answer of the emulated service: the {@code __type}, the message and the HTTP status. Messages are kept
 * short: at most {@value #MAX_MESSAGE} characters, and values echoed in them are cut by {@link #cut(String)}, so that
 * a request carrying a megabyte-long string never comes back whole in an error.
 */
final class ServiceError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The longest echoed value kept whole in a message; longer ones are cut by {@link #cut(String)}. */
    static final int MAX_SHOWN = 256;
    /** The longest message answered. */
    static final int MAX_MESSAGE = 8192;

    final String code;
    final int status;

    ServiceError(String code, int status, String message) {
        super(writable(message), null, false, false);
        this.code = code;
        this.status = status;
    }

    static ServiceError badRequest(String code, String message) {
        return new ServiceError(code, 400, message);
    }

    static ServiceError invalidParameter(String message) {
        return badRequest("InvalidParameterException", message);
    }

    static ServiceError notFound(String message) {
        return badRequest("ResourceNotFoundException", message);
    }

    static ServiceError validation(String message) {
        return badRequest("ValidationException", message);
    }

    /**
     * Shortens a value echoed in a message: up to {@value #MAX_SHOWN} characters as they are, else the first
     * {@value #MAX_SHOWN}, an ellipsis and the original length, e.g. {@code aaa...(1048576 characters)}.
     *
     * @param value the value as sent
     * @return the value to show
     */
    static String cut(String value) {
        return cut(value, MAX_SHOWN);
    }

    private static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end) + "...(" + value.length() + " characters)";
    }

    /** Caps the length of a message. */
    private static String writable(String message) {
        return message == null ? "" : cut(message, MAX_MESSAGE);
    }
}
