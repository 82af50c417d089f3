package dev.rekoface.retry;

import dev.rekoface.InvalidArgumentException;
import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before a retry. {@link #exponentialWithJitter} is the default: the ceiling doubles with each retry
 * up to a maximum, and the actual wait is drawn uniformly between 0 and the ceiling ("full jitter"), which spreads the
 * retries of many concurrent callers instead of synchronising them. Immutable.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final boolean jitter;

    private Backoff(Duration base, Duration max, boolean jitter) {
        this.base = base;
        this.max = max;
        this.jitter = jitter;
    }

    /**
     * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a random time in
     * {@code [0, min(max, base * 2^(n-1))]}.
     *
     * @param base the first ceiling, more than 0
     * @param max the largest ceiling, at least {@code base}
     * @return the backoff
     */
    public static Backoff exponentialWithJitter(Duration base, Duration max) {
        check(base, "base");
        check(max, "max");
        if (base.isZero() || max.compareTo(base) < 0) {
            throw new InvalidArgumentException("backoff", "backoff base " + base + " must be > 0 and <= max " + max);
        }
        return new Backoff(base, max, true);
    }

    /**
     * The same wait before every retry.
     *
     * @param delay the wait, 0 or more
     * @return the backoff
     */
    public static Backoff fixed(Duration delay) {
        check(delay, "delay");
        return new Backoff(delay, delay, false);
    }

    /** Retries at once. */
    public static Backoff none() {
        return new Backoff(Duration.ZERO, Duration.ZERO, false);
    }

    private static void check(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new InvalidArgumentException("backoff", "backoff " + name + " must not be negative, was " + d);
        }
    }

    /**
     * Returns the longest wait before a retry.
     *
     * @param retry the retry number, 1 for the first retry
     * @return the ceiling (the wait itself for a fixed backoff)
     */
    public Duration ceiling(int retry) {
        if (!jitter) {
            return base;
        }
        int shift = Math.min(30, Math.max(0, retry - 1));
        long nanos = base.toNanos() << shift;
        return nanos <= 0 || nanos > max.toNanos() ? max : Duration.ofNanos(nanos);
    }

    /**
     * Returns the wait before a retry for a given random draw.
     *
     * @param retry the retry number, 1 for the first retry
     * @param random a number in [0, 1)
     * @return the wait
     */
    public Duration delay(int retry, double random) {
        Duration ceiling = ceiling(retry);
        return jitter ? Duration.ofNanos((long) (ceiling.toNanos() * random)) : ceiling;
    }

    /** Returns true if waits are randomised. */
    public boolean hasJitter() {
        return jitter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Backoff b && base.equals(b.base) && max.equals(b.max) && jitter == b.jitter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, max, jitter);
    }

    @Override
    public String toString() {
        return jitter ? "exponential(" + base.toMillis() + " ms .. " + max.toMillis() + " ms, full jitter)"
            : "fixed(" + base.toMillis() + " ms)";
    }
}
