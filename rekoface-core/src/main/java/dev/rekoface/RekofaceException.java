package dev.rekoface;

import java.util.Optional;

/**
 * The root of every exception rekoface throws. Unchecked.
 *
 * <p>Subclasses exist only where a caller acts differently: {@link InvalidImageException},
 * {@link InvalidArgumentException}, {@link ThrottledException}, {@link NotFoundException},
 * {@link AlreadyExistsException}, {@link AccessDeniedException} and {@link ServiceFailureException}. When the failure
 * came from the service, the AWS SDK exception is the {@linkplain #getCause() cause} and
 * {@link #errorCode()}/{@link #requestId()} carry the service's error code and request id.
 */
public class RekofaceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final String requestId;

    /**
     * Creates an exception without a service error.
     *
     * @param message what went wrong, naming the parameter and the value
     */
    public RekofaceException(String message) {
        this(message, null, null, null);
    }

    /**
     * Creates an exception caused by another.
     *
     * @param message what went wrong
     * @param cause the underlying exception, usually the SDK's
     */
    public RekofaceException(String message, Throwable cause) {
        this(message, cause, null, null);
    }

    /**
     * Creates an exception from a service error.
     *
     * @param message what went wrong
     * @param cause the SDK exception
     * @param errorCode the service's error code, e.g. {@code ThrottlingException}, or null
     * @param requestId the service's request id, or null
     */
    public RekofaceException(String message, Throwable cause, String errorCode, String requestId) {
        super(message, cause);
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    /** Returns the service's error code (e.g. {@code ResourceNotFoundException}) when the service answered. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** Returns the service's request id when the service answered; quote it to AWS support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
