package dev.rekoface.internal.operation;

import dev.rekoface.RekofaceException;
import dev.rekoface.internal.mapper.ErrorMapper;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs operations for the facade, sync or async behind one signature, so that every workflow (paging, forget,
 * create-if-absent, ...) is written once. The sync client's invoker runs the call on the calling thread and returns a
 * completed future; the async one returns the SDK's future. Failures are always {@link RekofaceException}s.
 *
 * <p>Declared next to the operations (and implemented by the policy layer above them) because an operation that is
 * not idempotent runs read-only operations through it to resolve an ambiguous failure.
 */
public interface Invoker extends AutoCloseable {

    /**
     * Runs an operation.
     *
     * @param op the operation
     * @param input its input
     * @return the result, or a future failed with a {@link RekofaceException}
     */
    <I, Q, R, O> CompletableFuture<O> invoke(RekognitionOperation<I, Q, R, O> op, I input);

    @Override
    void close();

    /**
     * Waits for a future of the sync path and rethrows its failure unwrapped.
     *
     * @param future a future
     * @param <T> the result type
     * @return the result
     */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = ErrorMapper.unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RekofaceException("unexpected failure: " + cause, cause);
        }
    }
}
