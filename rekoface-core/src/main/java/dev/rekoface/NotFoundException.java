package dev.rekoface;

import java.util.Optional;

/** A collection, face or user does not exist. Not retryable. */
public class NotFoundException extends RekofaceException {
    private static final long serialVersionUID = 1L;

    private final String resource;

    /**
     * Creates the exception.
     *
     * @param message what was not found, naming it
     * @param resource the missing resource's id (a collection id, ...), or null
     * @param cause the SDK exception
     * @param errorCode the service's error code
     * @param requestId the service's request id
     */
    public NotFoundException(String message, String resource, Throwable cause, String errorCode, String requestId) {
        super(message, cause, errorCode, requestId);
        this.resource = resource;
    }

    /** Returns the id of the missing resource when it is known (for example the collection id). */
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }
}
