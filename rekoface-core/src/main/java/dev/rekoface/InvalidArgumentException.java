package dev.rekoface;

import java.util.Optional;

/**
 * An argument broke one of the service's rules: a threshold outside 0-100, a negative maximum, a malformed id.
 * Thrown before any request is sent when the rule is known; also thrown for the service's
 * {@code InvalidParameterException} and {@code ValidationException}. Not retryable: fix the input.
 */
public class InvalidArgumentException extends RekofaceException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * Creates an exception for a rule checked locally.
     *
     * @param parameter the parameter's name, e.g. {@code "similarity threshold"}
     * @param message the full message, naming the parameter and the value
     */
    public InvalidArgumentException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /**
     * Creates an exception from a service error.
     *
     * @param message what went wrong
     * @param cause the SDK exception
     * @param errorCode the service's error code
     * @param requestId the service's request id
     */
    public InvalidArgumentException(String message, Throwable cause, String errorCode, String requestId) {
        super(message, cause, errorCode, requestId);
        this.parameter = null;
    }

    /** Returns the name of the offending parameter when it is known. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }
}
