package dev.rekoface.internal;

import dev.rekoface.Operation;
import dev.rekoface.RekofaceException;
import dev.rekoface.ServiceFailureException;
import dev.rekoface.ThrottledException;
import dev.rekoface.internal.mapper.ErrorMapper;
import dev.rekoface.retry.CircuitBreakerPolicy;
import dev.rekoface.retry.MetricsListener;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.retry.RetryPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * rekoface's policies per operation, created on first use: a resilience4j Retry and CircuitBreaker, and an
 * {@link AdaptivePacer} for the rate. resilience4j stays inside this package; the public API speaks rekoface's policy
 * types.
 */
final class Resilience {
    private final RetryPolicy retryPolicy;
    private final RateLimit rateLimit;
    private final CircuitBreakerPolicy breakerPolicy;
    private final MetricsListener metrics;
    private final RetryConfig retryConfig;
    private final ConcurrentHashMap<Operation, Retry> retries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Operation, Optional<AdaptivePacer>> pacers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Operation, Optional<CircuitBreaker>> breakers = new ConcurrentHashMap<>();

    Resilience(RetryPolicy retryPolicy, RateLimit rateLimit, CircuitBreakerPolicy breakerPolicy, MetricsListener metrics) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.breakerPolicy = Objects.requireNonNull(breakerPolicy, "breakerPolicy");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.retryConfig = RetryConfig.custom()
            .maxAttempts(retryPolicy.maxAttempts())
            .retryOnException(this::retryable)
            .intervalBiFunction((attempt, either) ->
                retryPolicy.backoff().delay(attempt, ThreadLocalRandom.current().nextDouble()).toMillis())
            .writableStackTraceEnabled(false)
            .build();
    }

    MetricsListener metrics() {
        return metrics;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    Retry retry(Operation operation) {
        return retries.computeIfAbsent(operation, op -> Retry.of(op.wireName(), retryConfig));
    }

    Optional<AdaptivePacer> pacer(Operation operation) {
        return pacers.computeIfAbsent(operation, op -> rateLimit.limitFor(op).stream()
            .mapToObj(AdaptivePacer::new).findFirst());
    }

    Optional<CircuitBreaker> breaker(Operation operation) {
        if (!breakerPolicy.enabled()) {
            return Optional.empty();
        }
        return breakers.computeIfAbsent(operation, op -> Optional.of(CircuitBreaker.of(op.wireName(), CircuitBreakerConfig.custom()
            .failureRateThreshold(breakerPolicy.failureRatePercent())
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(breakerPolicy.window())
            .minimumNumberOfCalls(breakerPolicy.minimumCalls())
            .permittedNumberOfCallsInHalfOpenState(Math.min(5, breakerPolicy.window()))
            .waitDurationInOpenState(breakerPolicy.openFor())
            .recordException(Resilience::transient_)
            .writableStackTraceEnabled(false)
            .build())));
    }

    /** Whether the policy retries this failure: throttling and transient server-side failures only. */
    boolean retryable(Throwable t) {
        Throwable u = ErrorMapper.unwrap(t);
        if (u instanceof ThrottledException) {
            return retryPolicy.retriesThrottling();
        }
        return u instanceof ServiceFailureException s && s.isRetryable() && retryPolicy.retriesServerErrors();
    }

    /** Failures a later retry could cure: throttling, server errors, resets, timeouts. */
    static boolean transient_(Throwable t) {
        Throwable u = ErrorMapper.unwrap(t);
        return u instanceof ThrottledException || (u instanceof ServiceFailureException s && s.isRetryable());
    }

    /**
     * Tells whether a failure leaves it open whether the service applied the request: a server error, a reset or a
     * timeout after the request was sent. Throttling and a refused connection are not ambiguous.
     */
    static boolean ambiguous(RekofaceException failure) {
        if (!(failure instanceof ServiceFailureException s) || !s.isRetryable()) {
            return false;
        }
        for (Throwable c = failure.getCause(); c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException) {
                return false;
            }
        }
        return true;
    }
}
