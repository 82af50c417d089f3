package dev.rekoface;

/**
 * The call failed for a reason outside the caller's input: a server error (HTTP 5xx), a connection that failed or
 * timed out, or an error code this version does not know. {@link #isRetryable()} tells whether trying again later
 * can help.
 */
public class ServiceFailureException extends RekofaceException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the SDK exception
     * @param errorCode the service's error code, or null when the service did not answer
     * @param requestId the service's request id, or null
     * @param retryable whether retrying later can help
     */
    public ServiceFailureException(String message, Throwable cause, String errorCode, String requestId, boolean retryable) {
        super(message, cause, errorCode, requestId);
        this.retryable = retryable;
    }

    /** Returns true for failures that a later retry can cure (server errors, connection failures). */
    public boolean isRetryable() {
        return retryable;
    }
}
