package dev.rekoface.internal;

import dev.rekoface.internal.operation.RekognitionOperation;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * Runs operations: request → call → map, mapping failures to rekoface exceptions. The one place both clients go
 * through, sync and async.
 */
public final class OperationExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(OperationExecutor.class);

    private OperationExecutor() {
    }

    /**
     * Runs an operation synchronously.
     *
     * @param op the operation
     * @param input its input
     * @param client the SDK client
     * @return the result
     */
    public static <I, Q, R, O> O execute(RekognitionOperation<I, Q, R, O> op, I input, RekognitionClient client) {
        Q request = op.generateRequest(input);
        long start = System.nanoTime();
        R response;
        try {
            response = op.serviceCall(client, request);
        } catch (RuntimeException e) {
            Optional<O> answer = op.transformError(e, input);
            if (answer.isPresent()) {
                log(op, start, "answered from the service error");
                return answer.get();
            }
            log(op, start, "failed: " + ErrorMapper.errorCode(e));
            throw op.mapError(e, input);
        }
        log(op, start, "ok");
        return op.transformResponse(response, input);
    }

    /**
     * Runs an operation asynchronously. Invalid input fails the returned future before any request is sent.
     *
     * @param op the operation
     * @param input its input
     * @param client the SDK client
     * @return the result future
     */
    public static <I, Q, R, O> CompletableFuture<O> executeAsync(RekognitionOperation<I, Q, R, O> op, I input,
                                                                 RekognitionAsyncClient client) {
        Q request;
        try {
            request = op.generateRequest(input);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(op.mapError(e, input));
        }
        long start = System.nanoTime();
        CompletableFuture<R> call;
        try {
            call = op.asyncServiceCall(client, request);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.handle((response, failure) -> {
            if (failure != null) {
                Optional<O> answer = op.transformError(failure, input);
                if (answer.isPresent()) {
                    log(op, start, "answered from the service error");
                    return answer.get();
                }
                log(op, start, "failed: " + ErrorMapper.errorCode(failure));
                throw op.mapError(failure, input);
            }
            log(op, start, "ok");
            return op.transformResponse(response, input);
        });
    }

    private static void log(RekognitionOperation<?, ?, ?, ?> op, long startNanos, String outcome) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} in {} ms", op.name(), outcome, (System.nanoTime() - startNanos) / 1_000_000);
        }
    }
}
