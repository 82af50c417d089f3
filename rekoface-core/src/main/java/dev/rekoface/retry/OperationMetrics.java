package dev.rekoface.retry;

import dev.rekoface.RekofaceException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
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
 * System.out.println(metrics.snapshot().get("CompareFaces"));
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

    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    private Counter counter(String operation) {
        return counters.computeIfAbsent(operation, k -> new Counter());
    }

    @Override
    public void attempt(String operation, int attempt) {
        counter(operation).attempts.increment();
    }

    @Override
    public void throttled(String operation) {
        counter(operation).throttles.increment();
    }

    @Override
    public void retry(String operation, int attempt, Duration delay, RekofaceException failure) {
        counter(operation).retries.increment();
    }

    @Override
    public void completed(String operation, Duration latency, int attempts, RekofaceException failure) {
        Counter c = counter(operation);
        c.calls.increment();
        if (failure != null) {
            c.failures.increment();
        }
        c.latencyNanos.add(latency.toNanos());
        c.maxNanos.accumulate(latency.toNanos());
    }

    /** Returns the counts of every operation seen, by operation name. */
    public Map<String, Counts> snapshot() {
        Map<String, Counts> out = new TreeMap<>();
        counters.forEach((op, c) -> out.put(op, new Counts(c.calls.sum(), c.failures.sum(), c.attempts.sum(),
            c.throttles.sum(), c.retries.sum(), Duration.ofNanos(c.latencyNanos.sum()), Duration.ofNanos(c.maxNanos.get()))));
        return out;
    }

    /**
     * Returns the counts of one operation (all zero if it was never called).
     *
     * @param operation the operation name
     * @return the counts
     */
    public Counts counts(String operation) {
        return snapshot().getOrDefault(operation, new Counts(0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO));
    }

    /** Forgets every count. */
    public void reset() {
        counters.clear();
    }
}
