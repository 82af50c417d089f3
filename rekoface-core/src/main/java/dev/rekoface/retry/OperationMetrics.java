package dev.rekoface.retry;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.Operation;
import dev.rekoface.RekofaceException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * A {@link MetricsListener} that counts, per operation: calls, failed calls, attempts, throttles, retries, and latency
 * (total and maximum). Thread-safe; {@link #snapshot()} reads a consistent-enough view for reports and tests.
 *
 * <pre>{@code
 * OperationMetrics metrics = new OperationMetrics();
 * RekofaceClient reko = RekofaceClient.builder().metricsListener(metrics).build();
 * ...
 * System.out.println(metrics.counts(Operation.COMPARE_FACES));
 * }</pre>
 */
public final class OperationMetrics implements MetricsListener {

    /**
     * The counts of one operation.
     *
     * @param calls calls finished
     * @param failures calls that finished with an error
     * @param attempts requests sent
     * @param throttles throttling answers received
     * @param retries attempts retried
     * @param totalLatency sum of the calls' latencies
     * @param maxLatency the longest call
     */
    public record Counts(long calls, long failures, long attempts, long throttles, long retries, Duration totalLatency,
                         Duration maxLatency) {
        /** Returns the mean latency of a call, zero when there was none. */
        public Duration meanLatency() {
            return calls == 0 ? Duration.ZERO : totalLatency.dividedBy(calls);
        }
    }

    private static final class Counter {
        final LongAdder calls = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder attempts = new LongAdder();
        final LongAdder throttles = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder latencyNanos = new LongAdder();
        final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
    }

    private final ConcurrentHashMap<Operation, Counter> counters = new ConcurrentHashMap<>();

    private Counter counter(Operation operation) {
        return counters.computeIfAbsent(operation, k -> new Counter());
    }

    @Override
    public void attempt(Operation operation, int attempt) {
        counter(operation).attempts.increment();
    }

    @Override
    public void throttled(Operation operation) {
        counter(operation).throttles.increment();
    }

    @Override
    public void retry(Operation operation, int attempt, Duration delay, RekofaceException failure) {
        counter(operation).retries.increment();
    }

    @Override
    public void completed(Operation operation, Duration latency, int attempts, RekofaceException failure) {
        Counter c = counter(operation);
        c.calls.increment();
        if (failure != null) {
            c.failures.increment();
        }
        c.latencyNanos.add(latency.toNanos());
        c.maxNanos.accumulate(latency.toNanos());
    }

    /** Returns the counts of every operation seen, in {@link Operation} order. */
    public Map<Operation, Counts> snapshot() {
        Map<Operation, Counts> out = new EnumMap<>(Operation.class);
        counters.forEach((op, c) -> out.put(op, counts(c)));
        return Collections.unmodifiableMap(out);
    }

    private static Counts counts(Counter c) {
        return new Counts(c.calls.sum(), c.failures.sum(), c.attempts.sum(), c.throttles.sum(), c.retries.sum(),
            Duration.ofNanos(c.latencyNanos.sum()), Duration.ofNanos(c.maxNanos.get()));
    }

    /**
     * Returns the counts of one operation (all zero if it was never called).
     *
     * @param operation the operation
     * @return the counts
     */
    public Counts counts(Operation operation) {
        Counter c = counters.get(operation);
        return c == null ? new Counts(0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO) : counts(c);
    }

    /**
     * Returns the counts of one operation named as text, e.g. from a report's configuration.
     *
     * @param wireName the operation's wire name, e.g. {@code CompareFaces} (see {@link Operation#fromWireName})
     * @return the counts (all zero if it was never called)
     * @throws InvalidArgumentException for a name that is not a Rekognition operation; the message lists the known ones
     */
    public Counts counts(String wireName) {
        return counts(Operation.fromWireName(wireName));
    }

    /** Forgets every count. */
    public void reset() {
        counters.clear();
    }
}
