package dev.rekoface.internal.mapper;

import dev.rekoface.AccessDeniedException;
import dev.rekoface.AlreadyExistsException;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.InvalidImageException;
import dev.rekoface.NotFoundException;
import dev.rekoface.Operation;
import dev.rekoface.RekofaceException;
import dev.rekoface.ServiceFailureException;
import dev.rekoface.ThrottledException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into rekoface's typed exceptions, keeping the SDK exception as the cause and naming the
 * operation, the service's error code and message.
 */
public final class ErrorMapper {
    /** Error codes the service uses for a request rate over the quota. */
    public static final Set<String> THROTTLING_CODES = Set.of(
        "ThrottlingException", "ProvisionedThroughputExceededException", "Throttling", "TooManyRequestsException",
        "RequestLimitExceeded", "SlowDown");

    private static final Set<String> AUTH_CODES = Set.of(
        "AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
        "MissingAuthenticationTokenException", "IncompleteSignature", "InvalidClientTokenId", "AccessDenied");

    private ErrorMapper() {
    }

    /**
     * Maps any failure of a call.
     *
     * @param failure what the SDK threw (possibly wrapped in a CompletionException)
     * @param op the Rekognition operation
     * @param resource what a not-found or already-exists error refers to, e.g. {@code collection 'faces'}, or null
     * @return the rekoface exception
     */
    public static RekofaceException map(Throwable failure, Operation op, String resource) {
        String operation = op.wireName();
        Throwable t = unwrap(failure);
        if (t instanceof RekofaceException r) {
            return r;
        }
        if (t instanceof AwsServiceException ase) {
            return mapService(ase, operation, resource);
        }
        if (t instanceof SdkClientException sce) {
            return new ServiceFailureException(operation + " could not get an answer from Rekognition: " + sce.getMessage(),
                sce, null, null, true);
        }
        if (t instanceof SdkException se) {
            return new ServiceFailureException(operation + " failed: " + se.getMessage(), se, null, null, se.retryable());
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new RekofaceException(operation + " failed unexpectedly: " + t, t);
    }

    /**
     * Maps a failure that means "already exists" although the service's error code is another one (CreateUser
     * answers ConflictException for an existing user).
     *
     * @param failure what the SDK threw (possibly wrapped)
     * @param op the operation
     * @param resource what already exists, e.g. {@code user 'ann' in collection 'faces'}
     * @param id the id of what already exists
     * @return the already-exists exception, with the SDK exception as its cause
     */
    public static AlreadyExistsException alreadyExists(Throwable failure, Operation op, String resource, String id) {
        Throwable cause = unwrap(failure);
        RekofaceException mapped = map(cause, op, resource);
        return new AlreadyExistsException(op.wireName() + ": " + resource + " already exists (" + mapped.getMessage() + ")", id,
            cause instanceof RekofaceException r && r.getCause() != null ? r.getCause() : cause,
            mapped.errorCode().orElse(null), mapped.requestId().orElse(null));
    }

    /** Removes CompletionException/ExecutionException wrappers. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    /**
     * Returns the service error code of a failure, or null if the service did not answer.
     *
     * @param t a failure, possibly wrapped
     * @return the error code or null
     */
    public static String errorCode(Throwable t) {
        Throwable u = unwrap(t);
        if (u instanceof RekofaceException r) {
            return r.errorCode().orElse(null);
        }
        if (u instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            return ase.awsErrorDetails().errorCode();
        }
        return null;
    }

    private static RekofaceException mapService(AwsServiceException ase, String operation, String resource) {
        String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
        String message = ase.awsErrorDetails() == null || ase.awsErrorDetails().errorMessage() == null
            ? ase.getMessage() : ase.awsErrorDetails().errorMessage();
        String requestId = ase.requestId();
        int status = ase.statusCode();
        String c = code == null ? "" : code;
        String text = operation + " failed with " + (code == null ? "HTTP " + status : c) + ": " + message;
        if (THROTTLING_CODES.contains(c) || ase.isThrottlingException()) {
            return new ThrottledException(operation + " was throttled by Rekognition (" + (code == null ? "HTTP " + status : c)
                + "): " + message + "; the request rate is over the account's quota for " + operation, ase, code, requestId);
        }
        switch (c) {
            case "InvalidParameterException", "ValidationException", "InvalidPaginationTokenException",
                 "IdempotentParameterMismatchException", "SerializationException" -> {
                return new InvalidArgumentException(text, ase, code, requestId);
            }
            case "InvalidImageFormatException" -> {
                return new InvalidImageException(InvalidImageException.Reason.UNSUPPORTED_FORMAT, text, ase, code, requestId);
            }
            case "ImageTooLargeException" -> {
                return new InvalidImageException(InvalidImageException.Reason.TOO_LARGE, text, ase, code, requestId);
            }
            case "InvalidS3ObjectException" -> {
                return new InvalidImageException(InvalidImageException.Reason.INVALID_S3_OBJECT, text, ase, code, requestId);
            }
            case "ResourceNotFoundException" -> {
                String what = resource == null ? message : resource + " was not found (" + message + ")";
                return new NotFoundException(operation + ": " + what, resourceId(resource), ase, code, requestId);
            }
            case "ResourceAlreadyExistsException" -> {
                String what = resource == null ? message : resource + " already exists (" + message + ")";
                return new AlreadyExistsException(operation + ": " + what, resourceId(resource), ase, code, requestId);
            }
            case "InternalServerError", "InternalFailure", "ServiceUnavailable", "ServiceUnavailableException" -> {
                return new ServiceFailureException(text, ase, code, requestId, true);
            }
            default -> {
                // fall through to the status-based rules
            }
        }
        if (AUTH_CODES.contains(c) || status == 403) {
            return new AccessDeniedException(text, ase, code, requestId);
        }
        if (status >= 500) {
            return new ServiceFailureException(text, ase, code, requestId, true);
        }
        return new RekofaceException(text, ase, code, requestId);
    }

    /** Extracts {@code x} from a resource description like {@code collection 'x'}. */
    private static String resourceId(String resource) {
        if (resource == null) {
            return null;
        }
        int a = resource.indexOf('\'');
        int b = resource.lastIndexOf('\'');
        return a >= 0 && b > a ? resource.substring(a + 1, b) : resource;
    }

    /**
     * Tells whether a service error is Rekognition's "no face in the image" answer of CompareFaces,
     * SearchFacesByImage and friends (an InvalidParameterException, whose message is either explicit about faces
     * or the service's generic "Request has invalid parameters" once rekoface has checked every parameter itself).
     *
     * @param failure the failure
     * @return true for the no-face answer
     */
    public static boolean isNoFace(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof InvalidArgumentException iae && iae.getCause() != null) {
            t = iae.getCause();
        }
        if (!(t instanceof AwsServiceException ase) || ase.awsErrorDetails() == null
            || !"InvalidParameterException".equals(ase.awsErrorDetails().errorCode())) {
            return false;
        }
        String msg = ase.awsErrorDetails().errorMessage() == null ? "" : ase.awsErrorDetails().errorMessage().toLowerCase(Locale.ROOT);
        return msg.contains("no face") || msg.contains("faces in the image") || msg.equals("request has invalid parameters");
    }
}
