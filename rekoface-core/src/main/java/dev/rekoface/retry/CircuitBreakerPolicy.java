package dev.rekoface.retry;

import dev.rekoface.InvalidArgumentException;
import java.time.Duration;
import java.util.Objects;

/**
 * When rekoface stops calling an operation that keeps failing, so that a program fails fast instead of piling up
 * retries against a service that is down. Counted per operation, over the final outcome of each call (after its
 * retries); only failures a retry could cure count (throttling, server errors, timeouts), never input errors. While
 * open, calls fail at once with a retryable {@link dev.rekoface.ServiceFailureException}; after {@link #openFor()} a
 * few trial calls decide whether it closes. Immutable.
 */
public final class CircuitBreakerPolicy {
    private static final CircuitBreakerPolicy DEFAULTS = new CircuitBreakerPolicy(true, 50, 20, 50, Duration.ofSeconds(30));
    private static final CircuitBreakerPolicy DISABLED = new CircuitBreakerPolicy(false, 50, 20, 50, Duration.ofSeconds(30));

    private final boolean enabled;
    private final float failureRatePercent;
    private final int minimumCalls;
    private final int window;
    private final Duration openFor;

    private CircuitBreakerPolicy(boolean enabled, float failureRatePercent, int minimumCalls, int window, Duration openFor) {
        this.enabled = enabled;
        this.failureRatePercent = failureRatePercent;
        this.minimumCalls = minimumCalls;
        this.window = window;
        this.openFor = openFor;
    }

    /** The defaults: opens when at least 50 % of the last 50 calls (at least 20) failed; stays open 30 s. */
    public static CircuitBreakerPolicy defaults() {
        return DEFAULTS;
    }

    /** Never opens. */
    public static CircuitBreakerPolicy disabled() {
        return DISABLED;
    }

    /**
     * A custom breaker.
     *
     * @param failureRatePercent the failure rate that opens it, 1-100
     * @param minimumCalls calls needed before the rate counts, 1 or more, at most {@code window}
     * @param window how many recent calls the rate is computed over, 1-10,000
     * @param openFor how long it stays open before trial calls, more than 0
     * @return the policy
     */
    public static CircuitBreakerPolicy of(float failureRatePercent, int minimumCalls, int window, Duration openFor) {
        if (!(failureRatePercent >= 1 && failureRatePercent <= 100)) {
            throw new InvalidArgumentException("failure rate", "failure rate " + failureRatePercent + " % is out of range 1-100");
        }
        if (window < 1 || window > 10_000 || minimumCalls < 1 || minimumCalls > window) {
            throw new InvalidArgumentException("window", "window " + window + " and minimum calls " + minimumCalls
                + " must satisfy 1 <= minimumCalls <= window <= 10000");
        }
        Objects.requireNonNull(openFor, "openFor");
        if (openFor.isNegative() || openFor.isZero()) {
            throw new InvalidArgumentException("openFor", "openFor must be more than 0, was " + openFor);
        }
        return new CircuitBreakerPolicy(true, failureRatePercent, minimumCalls, window, openFor);
    }

    /** Returns whether the breaker is on. */
    public boolean enabled() {
        return enabled;
    }

    /** Returns the failure rate, percent, that opens it. */
    public float failureRatePercent() {
        return failureRatePercent;
    }

    /** Returns the calls needed before the rate counts. */
    public int minimumCalls() {
        return minimumCalls;
    }

    /** Returns the number of recent calls the rate is computed over. */
    public int window() {
        return window;
    }

    /** Returns how long it stays open. */
    public Duration openFor() {
        return openFor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CircuitBreakerPolicy p && enabled == p.enabled && failureRatePercent == p.failureRatePercent
            && minimumCalls == p.minimumCalls && window == p.window && openFor.equals(p.openFor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, failureRatePercent, minimumCalls, window, openFor);
    }

    @Override
    public String toString() {
        return enabled ? "CircuitBreakerPolicy[" + failureRatePercent + " % of " + window + " (min " + minimumCalls
            + "), open " + openFor.toSeconds() + " s]" : "CircuitBreakerPolicy[disabled]";
    }
}
