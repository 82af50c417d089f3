package dev.rekoface.retry;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.Operation;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The request rate rekoface allows itself, per Rekognition operation, so that a busy program stays under the
 * account's TPS quota instead of being throttled. Requests are spaced evenly (a rate of 50 per second sends one
 * every 20 ms), never in bursts; calls beyond the rate wait their turn.
 *
 * <p>The rate adapts: when the service throttles an operation anyway (the quota was lowered, or other programs share
 * it), rekoface halves that operation's rate and climbs back to the configured rate as calls succeed, so it settles
 * near what the service accepts instead of retrying into throttles. It never exceeds the configured rate.
 *
 * <pre>{@code
 * RateLimit.perSecond(50).withOperation(Operation.COMPARE_FACES, 25)   // the account's quotas (Service Quotas console)
 * }</pre>
 *
 * <p>Quotas are per account, region and operation; 50 TPS is a common default for the main face operations in large
 * regions, 5 in small ones. Immutable.
 */
public final class RateLimit {
    private static final RateLimit UNLIMITED = new RateLimit(Double.POSITIVE_INFINITY, Map.of());

    private final double perSecond;
    private final Map<Operation, Double> perOperation;

    private RateLimit(double perSecond, Map<Operation, Double> perOperation) {
        this.perSecond = perSecond;
        EnumMap<Operation, Double> copy = new EnumMap<>(Operation.class);
        copy.putAll(perOperation);
        this.perOperation = Collections.unmodifiableMap(copy);
    }

    /**
     * The same rate for every operation.
     *
     * @param requestsPerSecond more than 0, at most 10,000
     * @return the limit
     */
    public static RateLimit perSecond(double requestsPerSecond) {
        return new RateLimit(check("requests per second", requestsPerSecond), Map.of());
    }

    /** No limit: every call goes at once (the service's quota still applies). */
    public static RateLimit unlimited() {
        return UNLIMITED;
    }

    /**
     * Returns a copy with a different rate for one operation.
     *
     * @param operation the Rekognition operation, e.g. {@link Operation#COMPARE_FACES}
     * @param requestsPerSecond more than 0, at most 10,000
     * @return the copy
     */
    public RateLimit withOperation(Operation operation, double requestsPerSecond) {
        Objects.requireNonNull(operation, "operation");
        Map<Operation, Double> copy = new EnumMap<>(Operation.class);
        copy.putAll(perOperation);
        copy.put(operation, check("requests per second for " + operation.wireName(), requestsPerSecond));
        return new RateLimit(perSecond, copy);
    }

    /**
     * Returns a copy with a different rate for one operation named as text, e.g. read from a configuration file.
     *
     * @param wireName the operation's wire name, e.g. {@code CompareFaces} (see {@link Operation#fromWireName})
     * @param requestsPerSecond more than 0, at most 10,000
     * @return the copy
     * @throws InvalidArgumentException for a name that is not a Rekognition operation (the message lists the known
     *     ones), or a rate out of range
     */
    public RateLimit withOperation(String wireName, double requestsPerSecond) {
        return withOperation(Operation.fromWireName(wireName), requestsPerSecond);
    }

    private static double check(String what, double v) {
        if (!(v > 0) || v > 10_000 || Double.isNaN(v)) {
            throw new InvalidArgumentException("rate limit", what + " " + v + " is out of range; use a value above 0 and at most 10000");
        }
        return v;
    }

    /**
     * Returns the rate for an operation.
     *
     * @param operation the operation
     * @return requests per second, or empty when unlimited
     */
    public OptionalDouble limitFor(Operation operation) {
        double v = perOperation.getOrDefault(operation, perSecond);
        return Double.isInfinite(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimit r && Double.compare(perSecond, r.perSecond) == 0 && perOperation.equals(r.perOperation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(perSecond, perOperation);
    }

    @Override
    public String toString() {
        return Double.isInfinite(perSecond) && perOperation.isEmpty() ? "RateLimit[unlimited]"
            : "RateLimit[" + (Double.isInfinite(perSecond) ? "unlimited" : perSecond + "/s") + (perOperation.isEmpty() ? "" : ", " + perOperation) + "]";
    }
}
