package dev.rekoface.retry;

import dev.rekoface.InvalidArgumentException;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how often rekoface retries a failed call.
 *
 * <p>Only failures a retry can cure are retried: throttling ({@code ThrottlingException},
 * {@code ProvisionedThroughputExceededException}) and server-side failures (HTTP 5xx, connection resets, timeouts).
 * Input errors (an invalid image, a missing collection, access denied) are never retried. IndexFaces, which is not
 * idempotent, is retried after an ambiguous failure only once rekoface has checked that the face was not stored
 * already.
 *
 * <pre>{@code
 * RekofaceClient.builder().retryPolicy(RetryPolicy.builder().maxAttempts(8).build()).build();
 * }</pre>
 *
 * <p>Immutable; values are checked when set.
 */
public final class RetryPolicy {
    /** The most attempts a policy allows. */
    public static final int MAX_ATTEMPTS = 20;

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Backoff backoff;
    private final boolean retryThrottling;
    private final boolean retryServerErrors;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.retryThrottling = b.retryThrottling;
        this.retryServerErrors = b.retryServerErrors;
    }

    /**
     * The defaults, safe for a new account: 5 attempts, exponential backoff with full jitter from 200 ms up to 10 s,
     * for throttling and server errors.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** No retries: every failure is reported at once. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the most attempts per call, including the first. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Returns the backoff between attempts. */
    public Backoff backoff() {
        return backoff;
    }

    /** Returns whether throttling errors are retried. */
    public boolean retriesThrottling() {
        return retryThrottling;
    }

    /** Returns whether server errors, resets and timeouts are retried. */
    public boolean retriesServerErrors() {
        return retryServerErrors;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && maxAttempts == p.maxAttempts && backoff.equals(p.backoff)
            && retryThrottling == p.retryThrottling && retryServerErrors == p.retryServerErrors;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, backoff, retryThrottling, retryServerErrors);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + backoff + ", throttling=" + retryThrottling
            + ", serverErrors=" + retryServerErrors + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Backoff backoff = Backoff.exponentialWithJitter(Duration.ofMillis(200), Duration.ofSeconds(10));
        private boolean retryThrottling = true;
        private boolean retryServerErrors = true;

        private Builder() {
        }

        /**
         * Sets the most attempts per call, including the first.
         *
         * @param maxAttempts 1-20
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
                throw new InvalidArgumentException("maxAttempts", "maxAttempts " + maxAttempts + " is out of range 1-" + MAX_ATTEMPTS);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the backoff.
         *
         * @param backoff the backoff
         * @return this builder
         */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * Sets whether throttling errors are retried (default true).
         *
         * @param retry whether to retry
         * @return this builder
         */
        public Builder retryThrottling(boolean retry) {
            this.retryThrottling = retry;
            return this;
        }

        /**
         * Sets whether server errors, connection resets and timeouts are retried (default true).
         *
         * @param retry whether to retry
         * @return this builder
         */
        public Builder retryServerErrors(boolean retry) {
            this.retryServerErrors = retry;
            return this;
        }

        /** Builds the policy. */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
