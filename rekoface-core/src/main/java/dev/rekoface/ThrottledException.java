package dev.rekoface;

/**
 * The service refused the request because the account's request rate (TPS quota) was exceeded, and the retries the
 * client was configured with did not get it through. Retry later, or lower the rate.
 */
public class ThrottledException extends RekofaceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was throttled
     * @param cause the SDK exception
     * @param errorCode {@code ThrottlingException} or {@code ProvisionedThroughputExceededException}
     * @param requestId the service's request id
     */
    public ThrottledException(String message, Throwable cause, String errorCode, String requestId) {
        super(message, cause, errorCode, requestId);
    }
}
