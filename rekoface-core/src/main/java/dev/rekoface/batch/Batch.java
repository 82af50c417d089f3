package dev.rekoface.batch;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.internal.batch.DefaultBatchRun;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Starts a batch: one operation over many items with bounded concurrency. See the package documentation.
 *
 * <p>Each item is taken from the input once and gets exactly one {@link BatchOutcome}; no item is lost or run twice.
 * Retries happen inside the client, under its {@link dev.rekoface.retry.RetryPolicy}, and the client's
 * {@link dev.rekoface.retry.RateLimit} paces the calls; for full speed, set {@link Builder#concurrency} to at least
 * the rate times the call latency (50 per second x 0.2 s = 10 in flight).
 */
public final class Batch {
    private Batch() {
    }

    /**
     * Starts a batch over a collection (its size is reported as the progress total).
     *
     * @param items the items
     * @param <T> the item type
     * @return a builder
     */
    public static <T> Builder<T> of(Collection<? extends T> items) {
        Objects.requireNonNull(items, "items");
        return new Builder<>(items.iterator(), OptionalLong.of(items.size()));
    }

    /**
     * Starts a batch over an iterable, read lazily.
     *
     * @param items the items
     * @param <T> the item type
     * @return a builder
     */
    public static <T> Builder<T> of(Iterable<? extends T> items) {
        Objects.requireNonNull(items, "items");
        return items instanceof Collection<? extends T> c ? of(c) : new Builder<>(items.iterator(), OptionalLong.empty());
    }

    /**
     * Starts a batch over a stream, read lazily (a listing of 100,000 keys is never held in memory).
     *
     * @param items the items
     * @param <T> the item type
     * @return a builder
     */
    public static <T> Builder<T> of(Stream<? extends T> items) {
        Objects.requireNonNull(items, "items");
        return new Builder<>(items.iterator(), OptionalLong.empty());
    }

    /**
     * Configures and starts a batch.
     *
     * @param <T> the item type
     */
    public static final class Builder<T> {
        private final Iterator<? extends T> items;
        private final OptionalLong total;
        private int concurrency = 16;
        private Consumer<BatchProgress> progress = p -> { };
        private Consumer<Object> outcomes;

        private Builder(Iterator<? extends T> items, OptionalLong total) {
            this.items = items;
            this.total = total;
        }

        /**
         * Sets how many items run at once (default 16).
         *
         * @param concurrency 1-1,000
         * @return this builder
         */
        public Builder<T> concurrency(int concurrency) {
            if (concurrency < 1 || concurrency > 1000) {
                throw new InvalidArgumentException("concurrency", "batch concurrency " + concurrency + " is out of range 1-1000");
            }
            this.concurrency = concurrency;
            return this;
        }

        /**
         * Receives the progress after each outcome (from the thread that completed it; keep it fast).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder<T> onProgress(Consumer<BatchProgress> listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Delivers each outcome to a callback as it completes (from the completing thread, one at a time) instead of
         * through the run's iterator.
         *
         * @param consumer the callback
         * @param <R> the result type
         * @return this builder
         */
        @SuppressWarnings("unchecked")
        public <R> Builder<T> onOutcome(Consumer<? super BatchOutcome<T, R>> consumer) {
            Objects.requireNonNull(consumer, "consumer");
            this.outcomes = o -> ((Consumer<Object>) (Consumer<?>) consumer).accept(o);
            return this;
        }

        /**
         * Runs a blocking task per item on {@code concurrency} worker threads, e.g. a {@code RekofaceClient} call.
         *
         * @param task the task
         * @param <R> the result type
         * @return the running batch
         */
        public <R> BatchRun<T, R> run(Function<? super T, ? extends R> task) {
            Objects.requireNonNull(task, "task");
            return DefaultBatchRun.startBlocking(items, total, concurrency, progress, outcomes, task);
        }

        /**
         * Runs a non-blocking task per item, at most {@code concurrency} in flight, e.g. a {@code RekofaceAsyncClient}
         * call. No thread waits for a call.
         *
         * @param task the task
         * @param <R> the result type
         * @return the running batch
         */
        public <R> BatchRun<T, R> runAsync(Function<? super T, ? extends CompletableFuture<? extends R>> task) {
            Objects.requireNonNull(task, "task");
            return DefaultBatchRun.startAsync(items, total, concurrency, progress, outcomes, task);
        }
    }
}
