package dev.rekoface.internal;

import dev.rekoface.RekofaceException;
import dev.rekoface.ServiceFailureException;
import dev.rekoface.ThrottledException;
import dev.rekoface.Operation;
import dev.rekoface.internal.mapper.ErrorMapper;
import dev.rekoface.internal.operation.Invoker;
import dev.rekoface.internal.operation.RekognitionOperation;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place every call goes through, sync or async: validate → concurrency permit → circuit breaker → (rate
 * permit → one request → map) repeated by the retry policy → release. Written once over futures: the sync client's
 * transport completes them on the calling thread and its delays sleep; the async client's are the SDK's futures and
 * a scheduler.
 */
final class PolicyInvoker implements Invoker {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyInvoker.class);

    private final Transport transport;
    private final Delayer delayer;
    private final Permits permits;
    private final Resilience resilience;
    private final ScheduledExecutorService scheduler;
    private final Invoker reads = new Invoker() {
        @Override
        public <I, Q, R, O> CompletableFuture<O> invoke(RekognitionOperation<I, Q, R, O> op, I input) {
            return call(op, input, false);
        }

        @Override
        public void close() {
        }
    };

    PolicyInvoker(Transport transport, Delayer delayer, Permits permits, Resilience resilience,
                  ScheduledExecutorService scheduler) {
        this.transport = transport;
        this.delayer = delayer;
        this.permits = permits;
        this.resilience = resilience;
        this.scheduler = scheduler;
    }

    @Override
    public <I, Q, R, O> CompletableFuture<O> invoke(RekognitionOperation<I, Q, R, O> op, I input) {
        return call(op, input, true);
    }

    /**
     * Runs a call. Nested calls (the duplicate check of a non-idempotent call) skip the concurrency permit and the
     * breaker: they run inside a call that already holds them, and must not wait for a permit of their own.
     */
    private <I, Q, R, O> CompletableFuture<O> call(RekognitionOperation<I, Q, R, O> op, I input, boolean topLevel) {
        Q request;
        try {
            request = op.generateRequest(input);
        } catch (RekofaceException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(op.mapError(e, input));
        }
        Operation operation = op.operation();
        long start = System.nanoTime();
        int[] attempts = {0};
        if (!topLevel) {
            return attempt(op, input, request, resilience.retry(operation).asyncContext(), attempts);
        }
        return permits.acquire().thenCompose(v -> {
            Optional<CircuitBreaker> breaker = resilience.breaker(operation);
            if (breaker.isPresent() && !breaker.get().tryAcquirePermission()) {
                permits.release();
                RekofaceException open = new ServiceFailureException(operation.wireName() + " was not called: its circuit "
                    + "breaker is open after repeated failures; calls resume after the open period", null, null, null, true);
                resilience.metrics().completed(operation, Duration.ofNanos(System.nanoTime() - start), 0, open);
                return CompletableFuture.<O>failedFuture(open);
            }
            CompletableFuture<O> result;
            try {
                result = attempt(op, input, request, resilience.retry(operation).asyncContext(), attempts);
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(op.mapError(e, input));
            }
            return result.whenComplete((o, t) -> {
                try {
                    long nanos = System.nanoTime() - start;
                    RekofaceException failure = t == null ? null : asRekoface(t, op, input);
                    breaker.ifPresent(b -> {
                        if (failure == null) {
                            b.onSuccess(nanos, TimeUnit.NANOSECONDS);
                        } else {
                            b.onError(nanos, TimeUnit.NANOSECONDS, failure);
                        }
                    });
                    report(operation, op, o, nanos, attempts[0], failure);
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("{} {} after {} attempt(s) in {} ms", operation.wireName(), failure == null ? "ok"
                            : "failed: " + failure.errorCode().orElse(failure.getClass().getSimpleName()),
                            attempts[0], nanos / 1_000_000);
                    }
                } finally {
                    // Released last, whatever happened above: the next waiting call may start on this very thread.
                    permits.release();
                }
            });
        });
    }

    /**
     * Tells the metrics listener about a finished call. A listener that throws is logged and otherwise ignored: the
     * caller's result and the concurrency permit never depend on it.
     */
    private <I, Q, R, O> void report(Operation operation, RekognitionOperation<I, Q, R, O> op, O output, long nanos,
                                     int attempts, RekofaceException failure) {
        try {
            resilience.metrics().completed(operation, Duration.ofNanos(nanos), attempts, failure);
            int stored = failure == null ? op.storedFacesChange(output) : 0;
            if (stored != 0) {
                resilience.metrics().storedFacesChanged(operation, stored);
            }
        } catch (RuntimeException e) {
            LOG.warn("metrics listener failed on {}: {}", operation.wireName(), e.toString());
        }
    }

    private <I, Q, R, O> CompletableFuture<O> attempt(RekognitionOperation<I, Q, R, O> op, I input, Q request,
                                                      Retry.AsyncContext<O> retry, int[] attempts) {
        Operation operation = op.operation();
        Optional<AdaptivePacer> pacer = resilience.pacer(operation);
        long wait = pacer.map(AdaptivePacer::reserve).orElse(0L);
        return delayer.after(Math.max(0, wait), () -> {
            attempts[0]++;
            resilience.metrics().attempt(operation, attempts[0]);
            return transport.send(op, request);
        }).handle((response, failure) -> {
            if (failure == null) {
                pacer.ifPresent(AdaptivePacer::succeeded);
                retry.onComplete();
                return CompletableFuture.completedFuture(op.transformResponse(response, input));
            }
            Optional<O> answer = op.transformError(failure, input);
            if (answer.isPresent()) {
                retry.onComplete();
                return CompletableFuture.completedFuture(answer.get());
            }
            RekofaceException mapped = op.mapError(failure, input);
            if (mapped instanceof ThrottledException) {
                resilience.metrics().throttled(operation);
                pacer.ifPresent(AdaptivePacer::throttled);
            }
            long delayMillis = retry.onError(mapped);
            if (delayMillis < 0) {
                return CompletableFuture.<O>failedFuture(mapped);
            }
            resilience.metrics().retry(operation, attempts[0], Duration.ofMillis(delayMillis), mapped);
            long delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
            if (!op.idempotent() && Resilience.ambiguous(mapped)) {
                LOG.debug("{} failed ambiguously ({}); checking whether it was applied before trying again", operation.wireName(),
                    mapped.getMessage());
                return op.resolveAmbiguousFailure(input, reads).thenCompose(found -> found.isPresent()
                    ? CompletableFuture.completedFuture(found.get())
                    : delayer.after(delayNanos, () -> attempt(op, input, request, retry, attempts)));
            }
            return delayer.after(delayNanos, () -> attempt(op, input, request, retry, attempts));
        }).thenCompose(Function.identity());
    }

    private static <I> RekofaceException asRekoface(Throwable t, RekognitionOperation<I, ?, ?, ?> op, I input) {
        Throwable u = ErrorMapper.unwrap(t);
        return u instanceof RekofaceException r ? r : op.mapError(u, input);
    }

    @Override
    public void close() {
        try {
            transport.close();
        } finally {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
        }
    }
}
