package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.RekofaceException;
import dev.rekoface.internal.mapper.ErrorMapper;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * One Rekognition call, shared by the sync and async clients: {@link #generateRequest} (validates and builds the SDK
 * request, before any network call) → {@link #serviceCall}/{@link #asyncServiceCall} → {@link #transformResponse}.
 *
 * <p>Every call is one final class extending {@link SdkOperation} (which holds the operation, the SDK method it calls
 * and the resource its errors name), with a stateless {@code INSTANCE} and its input as a record;
 * {@code transformResponse} and {@code transformError} delegate the mapping to the mappers of {@code internal.mapper},
 * so an operation holds only the request rules and the mapping call.
 *
 * @param <I> rekoface's input
 * @param <Q> the SDK request
 * @param <R> the SDK response
 * @param <O> rekoface's result
 */
public interface RekognitionOperation<I, Q, R, O> {

    /** Returns the Rekognition operation this class calls: its rate, breaker and metrics are keyed by it. */
    Operation operation();

    /**
     * Validates the input and builds the SDK request. Throws rekoface exceptions for bad input.
     *
     * @param input the input
     * @return the SDK request
     */
    Q generateRequest(I input);

    /**
     * Calls the service synchronously.
     *
     * @param client the SDK client
     * @param request the request
     * @return the response
     */
    R serviceCall(RekognitionClient client, Q request);

    /**
     * Calls the service asynchronously.
     *
     * @param client the SDK client
     * @param request the request
     * @return the response future
     */
    CompletableFuture<R> asyncServiceCall(RekognitionAsyncClient client, Q request);

    /**
     * Maps the SDK response to rekoface's result.
     *
     * @param response the response
     * @param input the input it answers
     * @return the result
     */
    O transformResponse(R response, I input);

    /**
     * Tells how many faces a successful call stored (positive) or deleted (negative), for
     * {@link dev.rekoface.retry.MetricsListener#storedFacesChanged}; 0 for calls that store nothing.
     *
     * @param result the call's result
     * @return the change in stored faces
     */
    default int storedFacesChange(O result) {
        return 0;
    }

    /**
     * Turns some service errors into answers (e.g. CompareFaces' "no face" error into an empty comparison).
     *
     * @param failure the SDK failure
     * @param input the input
     * @return a result, or empty to report the error
     */
    default Optional<O> transformError(Throwable failure, I input) {
        return Optional.empty();
    }

    /**
     * Maps a failure that {@link #transformError} did not answer to a rekoface exception.
     *
     * @param failure the SDK failure
     * @param input the input
     * @return the exception to report
     */
    default RekofaceException mapError(Throwable failure, I input) {
        return ErrorMapper.map(failure, operation(), resource(input));
    }

    /**
     * Describes the resource a not-found or already-exists error refers to, e.g. {@code collection 'faces'}.
     *
     * @param input the input
     * @return the description, or null
     */
    default String resource(I input) {
        return null;
    }

    /**
     * After an ambiguous failure of a call that is not idempotent (the request may have been applied although no
     * answer came back), finds out whether it was applied, using read-only calls.
     *
     * @param input the input
     * @param reads runs read-only operations
     * @return the result the lost answer would have carried, or empty to try the call again
     */
    default CompletableFuture<Optional<O>> resolveAmbiguousFailure(I input, Invoker reads) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /**
     * Tells whether the call may be repeated safely after an ambiguous failure (the request may have been applied).
     * Reads are idempotent; IndexFaces is not.
     */
    default boolean idempotent() {
        return true;
    }
}
