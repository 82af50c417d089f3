package dev.rekoface.testkit.emulator;

import dev.rekoface.Operation;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the emulator has seen since it started (or since {@link RekognitionEmulator#resetCounters()}): per operation,
 * the attempts that reached the server, and how many were throttled, faulted (HTTP 500, reset, lost response),
 * answered with another error, or succeeded. A live view: values grow as requests arrive. Thread-safe.
 */
public final class EmulatorCounters {
    private final Map<Operation, LongAdder[]> counts = new EnumMap<>(Operation.class);
    private final LongAdder unknown = new LongAdder();

    private static final int REQUESTS = 0;
    private static final int THROTTLED = 1;
    private static final int FAULTED = 2;
    private static final int ERRORS = 3;
    private static final int SUCCEEDED = 4;

    EmulatorCounters() {
        for (Operation op : Operation.values()) {
            LongAdder[] a = new LongAdder[5];
            for (int i = 0; i < a.length; i++) {
                a[i] = new LongAdder();
            }
            counts.put(op, a);
        }
    }

    void countRequest(Operation op) {
        counts.get(op)[REQUESTS].increment();
    }

    void countThrottled(Operation op) {
        counts.get(op)[THROTTLED].increment();
    }

    void countFaulted(Operation op) {
        counts.get(op)[FAULTED].increment();
    }

    void countError(Operation op) {
        counts.get(op)[ERRORS].increment();
    }

    void countSucceeded(Operation op) {
        counts.get(op)[SUCCEEDED].increment();
    }

    void unknownOperation() {
        unknown.increment();
    }

    void reset() {
        counts.values().forEach(a -> {
            for (LongAdder x : a) {
                x.reset();
            }
        });
        unknown.reset();
    }

    /** Returns the attempts of an operation that reached the server (every outcome). */
    public long requests(Operation op) {
        return counts.get(op)[REQUESTS].sum();
    }

    /** Returns the attempts answered with a throttling error. */
    public long throttled(Operation op) {
        return counts.get(op)[THROTTLED].sum();
    }

    /** Returns the attempts that met an injected fault: HTTP 500, connection reset or lost response. */
    public long faulted(Operation op) {
        return counts.get(op)[FAULTED].sum();
    }

    /** Returns the attempts answered with a service error other than throttling or an injected fault. */
    public long errors(Operation op) {
        return counts.get(op)[ERRORS].sum();
    }

    /** Returns the attempts that took effect and were answered with success (lost responses not included). */
    public long succeeded(Operation op) {
        return counts.get(op)[SUCCEEDED].sum();
    }

    /** Returns the attempts of every operation, unknown ones included. */
    public long totalRequests() {
        return counts.values().stream().mapToLong(a -> a[REQUESTS].sum()).sum() + unknown.sum();
    }

    /** Returns the throttled attempts of every operation. */
    public long totalThrottled() {
        return counts.values().stream().mapToLong(a -> a[THROTTLED].sum()).sum();
    }

    /** Returns the faulted attempts of every operation. */
    public long totalFaulted() {
        return counts.values().stream().mapToLong(a -> a[FAULTED].sum()).sum();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EmulatorCounters[");
        for (Operation op : Operation.values()) {
            long r = requests(op);
            if (r > 0) {
                sb.append(op).append(": ").append(r).append(" requests, ").append(throttled(op)).append(" throttled, ")
                    .append(faulted(op)).append(" faulted; ");
            }
        }
        return sb.append("]").toString();
    }
}
