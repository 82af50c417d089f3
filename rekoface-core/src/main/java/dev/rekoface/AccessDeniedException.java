package dev.rekoface;

/**
 * The credentials are not allowed to make the call (IAM policy, bucket policy, or an expired session).
 * Not retryable: fix the permissions.
 */
public class AccessDeniedException extends RekofaceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was denied
     * @param cause the SDK exception
     * @param errorCode the service's error code
     * @param requestId the service's request id
     */
    public AccessDeniedException(String message, Throwable cause, String errorCode, String requestId) {
        super(message, cause, errorCode, requestId);
    }
}
