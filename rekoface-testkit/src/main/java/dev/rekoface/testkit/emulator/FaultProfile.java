package dev.rekoface.testkit.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Quota and faults of one operation (or of all): a TPS quota enforced by a token bucket, added latency, and rates of
 * HTTP 500 InternalServerError, connection resets and lost responses. Immutable.
 *
 * <pre>{@code
 * emulator.setFaults(Operation.COMPARE_FACES, FaultProfile.builder()
 *     .tpsQuota(50)                        // beyond it: ProvisionedThroughputExceededException, at once
 *     .latency(Duration.ofMillis(200))     // added to every accepted request
 *     .internalErrorRate(0.02)             // 2 % answer HTTP 500 InternalServerError
 *     .connectionResetRate(0.01)           // 1 % get the connection closed without an answer
 *     .lostResponseRate(0.01)              // 1 % succeed, then the connection is closed before the answer
 *     .build());
 * }</pre>
 *
 * <p>Requests beyond the quota are throttled when they arrive, never queued, as the service does. Random draws come
 * from the emulator's seeded generator, so a given sequence of requests meets the same faults.
 */
public final class FaultProfile {
    /** No quota, no latency, no faults. */
    public static final FaultProfile NONE = builder().build();

    private final double tpsQuota;
    private final int burst;
    private final Duration latency;
    private final double internalErrorRate;
    private final double connectionResetRate;
    private final double lostResponseRate;
    private final String throttleErrorCode;

    private FaultProfile(Builder b) {
        this.tpsQuota = b.tpsQuota;
        this.burst = b.burst > 0 ? b.burst : (int) Math.max(1, Math.ceil(b.tpsQuota));
        this.latency = b.latency;
        this.internalErrorRate = b.internalErrorRate;
        this.connectionResetRate = b.connectionResetRate;
        this.lostResponseRate = b.lostResponseRate;
        this.throttleErrorCode = b.throttleErrorCode;
    }

    /** Returns a builder with no quota and no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder preset with this profile's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.tpsQuota = tpsQuota;
        b.burst = burst;
        b.latency = latency;
        b.internalErrorRate = internalErrorRate;
        b.connectionResetRate = connectionResetRate;
        b.lostResponseRate = lostResponseRate;
        b.throttleErrorCode = throttleErrorCode;
        return b;
    }

    /** Returns the requests per second allowed, or 0 for no quota. */
    public double tpsQuota() {
        return tpsQuota;
    }

    /** Returns the bucket size: how many requests may arrive at once before throttling starts. */
    public int burst() {
        return burst;
    }

    /** Returns the latency added to each accepted request. */
    public Duration latency() {
        return latency;
    }

    /** Returns the share (0-1) of requests answered HTTP 500 InternalServerError. */
    public double internalErrorRate() {
        return internalErrorRate;
    }

    /** Returns the share (0-1) of requests whose connection is closed without an answer, before any effect. */
    public double connectionResetRate() {
        return connectionResetRate;
    }

    /** Returns the share (0-1) of requests that take effect and then lose their answer (the connection is closed). */
    public double lostResponseRate() {
        return lostResponseRate;
    }

    /** Returns the error code of throttled requests. */
    public String throttleErrorCode() {
        return throttleErrorCode;
    }

    @Override
    public String toString() {
        return "FaultProfile[tps=" + (tpsQuota > 0 ? tpsQuota + "/burst " + burst : "unlimited") + ", latency=" + latency.toMillis()
            + "ms, 500=" + internalErrorRate + ", reset=" + connectionResetRate + ", lost=" + lostResponseRate + "]";
    }

    /** Builds a {@link FaultProfile}; rejects out-of-range values when they are set. */
    public static final class Builder {
        private double tpsQuota;
        private int burst;
        private Duration latency = Duration.ZERO;
        private double internalErrorRate;
        private double connectionResetRate;
        private double lostResponseRate;
        private String throttleErrorCode = "ProvisionedThroughputExceededException";

        private Builder() {
        }

        /**
         * Sets the quota in requests per second (token bucket); 0 removes it.
         *
         * @param tps requests per second, at least 0
         * @return this builder
         */
        public Builder tpsQuota(double tps) {
            if (!(tps >= 0)) {
                throw new IllegalArgumentException("tpsQuota must be >= 0, got " + tps);
            }
            this.tpsQuota = tps;
            return this;
        }

        /**
         * Sets the bucket size (default: the quota rounded up, i.e. one second's worth).
         *
         * @param requests at least 1
         * @return this builder
         */
        public Builder burst(int requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("burst must be >= 1, got " + requests);
            }
            this.burst = requests;
            return this;
        }

        /**
         * Sets the latency added to each accepted request.
         *
         * @param added not negative
         * @return this builder
         */
        public Builder latency(Duration added) {
            Objects.requireNonNull(added, "latency");
            if (added.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, got " + added);
            }
            this.latency = added;
            return this;
        }

        /**
         * Sets the share of requests answered HTTP 500 InternalServerError.
         *
         * @param rate 0-1
         * @return this builder
         */
        public Builder internalErrorRate(double rate) {
            this.internalErrorRate = rate("internalErrorRate", rate);
            return this;
        }

        /**
         * Sets the share of requests whose connection is closed without an answer (nothing happens on the server).
         *
         * @param rate 0-1
         * @return this builder
         */
        public Builder connectionResetRate(double rate) {
            this.connectionResetRate = rate("connectionResetRate", rate);
            return this;
        }

        /**
         * Sets the share of requests that take effect and then lose their answer.
         *
         * @param rate 0-1
         * @return this builder
         */
        public Builder lostResponseRate(double rate) {
            this.lostResponseRate = rate("lostResponseRate", rate);
            return this;
        }

        /**
         * Sets the error code of throttled requests: {@code ProvisionedThroughputExceededException} (default, HTTP
         * 400) or {@code ThrottlingException} (HTTP 400).
         *
         * @param code the error code
         * @return this builder
         */
        public Builder throttleErrorCode(String code) {
            if (!"ProvisionedThroughputExceededException".equals(code) && !"ThrottlingException".equals(code)) {
                throw new IllegalArgumentException("throttleErrorCode must be ProvisionedThroughputExceededException or "
                    + "ThrottlingException, got " + code);
            }
            this.throttleErrorCode = code;
            return this;
        }

        /** Builds the profile. */
        public FaultProfile build() {
            return new FaultProfile(this);
        }

        private static double rate(String name, double r) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1, got " + r);
            }
            return r;
        }
    }
}
