package dev.rekoface.internal;

import java.util.concurrent.TimeUnit;

/**
 * Spaces one operation's requests evenly at a rate that adapts to throttling (AIMD): when the service throttles, the
 * rate halves (at most once per {@link #DECREASE_SPACING_NANOS}, so a volley of throttles from requests already in
 * flight counts once); every success raises it by a fiftieth of the configured rate, back up to the configured rate,
 * which it never exceeds. So a client paced at its quota keeps full speed, and a client whose quota is lowered, or that
 * shares it with others, settles near what the service accepts instead of retrying into throttles.
 *
 * <p>Hand-written rather than resilience4j's RateLimiter, which cannot change its refresh period at runtime.
 * Thread-safe.
 */
final class AdaptivePacer {
    static final long DECREASE_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final double MIN_RATE = 0.5;

    private final double maxRate;
    private double rate;
    private long nextFreeNanos;
    private long lastDecreaseNanos = Long.MIN_VALUE / 2;

    AdaptivePacer(double maxRate) {
        this.maxRate = maxRate;
        this.rate = maxRate;
        this.nextFreeNanos = System.nanoTime();
    }

    /** Reserves the next slot and returns how long to wait for it, in nanoseconds (0: go now). */
    long reserve() {
        return reserve(System.nanoTime());
    }

    /**
     * Reserves the next slot at a given time. The schedule runs on planned slots, not on when callers arrive: a
     * caller that wakes up to a millisecond late (as sleeping threads do) does not push every later slot back, which
     * at 50/s would lose a tenth of the rate. The credit is one interval, so after an idle spell at most two requests
     * go at once, well inside the service's token-bucket burst.
     */
    synchronized long reserve(long now) {
        long interval = (long) (1_000_000_000L / rate);
        long slot = Math.max(nextFreeNanos, now - interval);
        nextFreeNanos = slot + interval;
        return Math.max(0, slot - now);
    }

    /** The service throttled a request: halve the rate. */
    synchronized void throttled() {
        long now = System.nanoTime();
        if (now - lastDecreaseNanos >= DECREASE_SPACING_NANOS) {
            rate = Math.max(MIN_RATE, rate / 2);
            lastDecreaseNanos = now;
        }
    }

    /** A request succeeded: raise the rate a little, up to the configured rate. */
    synchronized void succeeded() {
        if (rate < maxRate) {
            rate = Math.min(maxRate, rate + maxRate / 50);
        }
    }

    /** Returns the current rate, requests per second. */
    synchronized double rate() {
        return rate;
    }
}
