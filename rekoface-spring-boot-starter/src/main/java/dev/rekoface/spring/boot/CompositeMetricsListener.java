package dev.rekoface.spring.boot;

import dev.rekoface.Operation;
import dev.rekoface.RekofaceException;
import dev.rekoface.retry.MetricsListener;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes every event to each listener bean in order; one that throws is logged and never breaks a call. */
final class CompositeMetricsListener implements MetricsListener {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeMetricsListener.class);

    private final List<MetricsListener> listeners;

    private CompositeMetricsListener(List<MetricsListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Returns one listener for all, or null when there is none. */
    static MetricsListener of(List<MetricsListener> listeners) {
        if (listeners.isEmpty()) {
            return null;
        }
        return listeners.size() == 1 ? listeners.get(0) : new CompositeMetricsListener(listeners);
    }

    private void each(Consumer<MetricsListener> event) {
        for (MetricsListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("Metrics listener {} failed: {}", l.getClass().getName(), e.toString());
            }
        }
    }

    @Override
    public void attempt(Operation operation, int attempt) {
        each(l -> l.attempt(operation, attempt));
    }

    @Override
    public void throttled(Operation operation) {
        each(l -> l.throttled(operation));
    }

    @Override
    public void retry(Operation operation, int attempt, Duration delay, RekofaceException failure) {
        each(l -> l.retry(operation, attempt, delay, failure));
    }

    @Override
    public void completed(Operation operation, Duration latency, int attempts, RekofaceException failure) {
        each(l -> l.completed(operation, latency, attempts, failure));
    }

    @Override
    public void storedFacesChanged(Operation operation, int change) {
        each(l -> l.storedFacesChanged(operation, change));
    }
}
