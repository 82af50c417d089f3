package dev.rekoface.testkit.emulator;

import dev.rekoface.Operation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The quotas and faults of each operation ({@link FaultProfile}), and the seeded draws that decide which request meets
 * a fault. Thread-safe: profiles change at any time and take effect for the next request.
 */
final class FaultInjector {
    private final Map<Operation, FaultProfile> profiles = new EnumMap<>(Operation.class);
    private final Map<Operation, TokenBucket> buckets = new EnumMap<>(Operation.class);
    private final Random random;

    /**
     * Creates the injector with no quota and no fault.
     *
     * @param seed the seed of the fault draws
     */
    FaultInjector(long seed) {
        this.random = new Random(seed);
        for (Operation op : Operation.values()) {
            set(op, FaultProfile.NONE);
        }
    }

    /** Sets the quota and faults of one operation, with a fresh token bucket. */
    void set(Operation op, FaultProfile profile) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(profile, "profile");
        synchronized (profiles) {
            profiles.put(op, profile);
            buckets.put(op, profile.tpsQuota() > 0 ? new TokenBucket(profile.tpsQuota(), profile.burst()) : null);
        }
    }

    /** Returns the quota and faults of an operation. */
    FaultProfile get(Operation op) {
        synchronized (profiles) {
            return profiles.get(op);
        }
    }

    /**
     * Starts one request of an operation: takes a token of its quota and notes its profile, for the request's faults.
     *
     * @param op the operation
     * @return the request's faults
     */
    Request start(Operation op) {
        FaultProfile profile;
        TokenBucket bucket;
        synchronized (profiles) {
            profile = profiles.get(op);
            bucket = buckets.get(op);
        }
        return new Request(profile, bucket == null || bucket.tryAcquire());
    }

    /** The faults one request meets, drawn in the order the request reaches them. */
    final class Request {
        private final FaultProfile profile;
        private final boolean admitted;

        private Request(FaultProfile profile, boolean admitted) {
            this.profile = profile;
            this.admitted = admitted;
        }

        /** Returns the throttling error code to answer when the request is over its quota, or null when it is not. */
        String throttled() {
            return admitted ? null : profile.throttleErrorCode();
        }

        /** Waits the profile's added latency. */
        void delay() {
            Duration d = profile.latency();
            if (d.isZero()) {
                return;
            }
            try {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Draws whether the request is answered HTTP 500 InternalServerError. */
        boolean internalError() {
            return draw(profile.internalErrorRate());
        }

        /** Draws whether the connection is closed without an answer. */
        boolean connectionReset() {
            return draw(profile.connectionResetRate());
        }

        /** Draws whether the connection is closed after the operation succeeded, before its answer. */
        boolean responseLost() {
            return draw(profile.lostResponseRate());
        }

        private boolean draw(double rate) {
            return rate > 0 && random.nextDouble() < rate;
        }
    }

    /** A token bucket: {@code rate} tokens a second, at most {@code capacity} saved. */
    static final class TokenBucket {
        private final double rate;
        private final double capacity;
        private double tokens;
        private long last;

        TokenBucket(double rate, int capacity) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        synchronized boolean tryAcquire() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
