package dev.rekoface;

import java.util.Optional;

/** A collection or user with that id already exists. Not retryable; use a "create if absent" call instead. */
public class AlreadyExistsException extends RekofaceException {
    private static final long serialVersionUID = 1L;

    private final String resource;

    /**
     * Creates the exception.
     *
     * @param message what already exists, naming it
     * @param resource the resource's id, or null
     * @param cause the SDK exception
     * @param errorCode the service's error code
     * @param requestId the service's request id
     */
    public AlreadyExistsException(String message, String resource, Throwable cause, String errorCode, String requestId) {
        super(message, cause, errorCode, requestId);
        this.resource = resource;
    }

    /** Returns the id of the resource that already exists, when it is known. */
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }
}
