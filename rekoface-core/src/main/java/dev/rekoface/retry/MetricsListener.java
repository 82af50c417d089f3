package dev.rekoface.retry;

import dev.rekoface.Operation;
import dev.rekoface.RekofaceException;
import java.time.Duration;

/**
 * Receives what rekoface's calls do, to feed a metrics system of your choice (Micrometer, Prometheus, logs) without
 * rekoface depending on one. Every method has an empty default; implement what you need. Called on the thread that
 * ran the attempt: implementations must be fast and thread-safe, and must not throw. {@link OperationMetrics} is a
 * ready-made counting implementation.
 */
public interface MetricsListener {

    /**
     * One request is about to be sent.
     *
     * @param operation the Rekognition operation, e.g. {@link Operation#COMPARE_FACES}
     * @param attempt 1 for the first attempt of a call
     */
    default void attempt(Operation operation, int attempt) {
    }

    /**
     * The service answered a request with a throttling error.
     *
     * @param operation the operation
     */
    default void throttled(Operation operation) {
    }

    /**
     * A failed attempt will be retried.
     *
     * @param operation the operation
     * @param attempt the attempt that failed
     * @param delay the wait before the next attempt
     * @param failure what failed
     */
    default void retry(Operation operation, int attempt, Duration delay, RekofaceException failure) {
    }

    /**
     * A call finished, after all its attempts.
     *
     * @param operation the operation
     * @param latency from the call to its outcome, waits and retries included
     * @param attempts how many requests it sent
     * @param failure the failure, or null on success
     */
    default void completed(Operation operation, Duration latency, int attempts, RekofaceException failure) {
    }

    /**
     * A successful call changed how many faces its collection stores (AWS bills face storage per face and month):
     * IndexFaces reports the faces it stored as a positive change, DeleteFaces the faces it deleted as a negative one.
     * Called after {@link #completed}, and only when the change is not zero. DeleteCollection, whose answer does not
     * say how many faces went with the collection, is not reported.
     *
     * @param operation {@link Operation#INDEX_FACES} or {@link Operation#DELETE_FACES}
     * @param change the faces stored (positive) or deleted (negative)
     */
    default void storedFacesChanged(Operation operation, int change) {
    }
}
