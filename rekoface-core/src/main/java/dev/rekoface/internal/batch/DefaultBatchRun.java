package dev.rekoface.internal.batch;

import dev.rekoface.RekofaceException;
import dev.rekoface.batch.BatchOutcome;
import dev.rekoface.batch.BatchProgress;
import dev.rekoface.batch.BatchRun;
import dev.rekoface.batch.BatchSummary;
import dev.rekoface.internal.mapper.ErrorMapper;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch run: one dispatcher thread takes items from the input as slots free up and starts them; each completion
 * produces exactly one outcome. A slot frees when its outcome has been consumed (by the iterator or the callback), so
 * no more than {@code concurrency} items are ever started-but-unconsumed: memory stays flat.
 */
public final class DefaultBatchRun<T, R> implements BatchRun<T, R> {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultBatchRun.class);
    private static final Object END = new Object();

    private final Iterator<? extends T> items;
    private final OptionalLong total;
    private final Semaphore slots;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Consumer<BatchProgress> progress;
    private final Consumer<Object> callback;
    private final Function<T, CompletableFuture<R>> start;
    private final ExecutorService pool;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean endSent = new AtomicBoolean();
    private final CompletableFuture<BatchSummary> completion = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private final Object callbackLock = new Object();
    private final Thread dispatcher;
    private volatile boolean cancelled;
    private volatile boolean dispatchDone;
    private volatile RuntimeException inputFailure;

    private DefaultBatchRun(Iterator<? extends T> items, OptionalLong total, int concurrency, Consumer<BatchProgress> progress,
                            Consumer<Object> callback, Function<T, CompletableFuture<R>> start, ExecutorService pool) {
        this.items = items;
        this.total = total;
        this.slots = new Semaphore(concurrency);
        this.progress = progress;
        this.callback = callback;
        this.start = start;
        this.pool = pool;
        this.dispatcher = new Thread(this::dispatch, "rekoface-batch-dispatcher");
        this.dispatcher.setDaemon(true);
    }

    /** Starts a batch of blocking tasks on a pool of {@code concurrency} threads. */
    public static <T, R> BatchRun<T, R> startBlocking(Iterator<? extends T> items, OptionalLong total, int concurrency,
                                                      Consumer<BatchProgress> progress, Consumer<Object> callback,
                                                      Function<? super T, ? extends R> task) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "rekoface-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        DefaultBatchRun<T, R> run = new DefaultBatchRun<>(items, total, concurrency, progress, callback,
            item -> CompletableFuture.supplyAsync(() -> task.apply(item), pool), pool);
        run.dispatcher.start();
        return run;
    }

    /** Starts a batch of non-blocking tasks, at most {@code concurrency} in flight. */
    @SuppressWarnings("unchecked")
    public static <T, R> BatchRun<T, R> startAsync(Iterator<? extends T> items, OptionalLong total, int concurrency,
                                                   Consumer<BatchProgress> progress, Consumer<Object> callback,
                                                   Function<? super T, ? extends CompletableFuture<? extends R>> task) {
        DefaultBatchRun<T, R> run = new DefaultBatchRun<>(items, total, concurrency, progress, callback,
            item -> (CompletableFuture<R>) task.apply(item), null);
        run.dispatcher.start();
        return run;
    }

    private void dispatch() {
        try {
            while (!cancelled) {
                slots.acquire();
                T item;
                try {
                    if (cancelled || !items.hasNext()) {
                        slots.release();
                        break;
                    }
                    item = items.next();
                } catch (RuntimeException e) {
                    slots.release();
                    inputFailure = e;
                    LOG.warn("batch input failed after {} item(s): {}", started.get(), e.toString());
                    break;
                }
                long index = started.getAndIncrement();
                inFlight.incrementAndGet();
                CompletableFuture<R> future;
                try {
                    future = start.apply(item);
                    if (future == null) {
                        future = CompletableFuture.failedFuture(new NullPointerException("the batch task returned null"));
                    }
                } catch (RuntimeException e) {
                    future = CompletableFuture.failedFuture(e);
                }
                future.whenComplete((r, t) -> finish(index, item, r, t));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dispatchDone = true;
            maybeEnd();
        }
    }

    private void finish(long index, T item, R result, Throwable failure) {
        BatchOutcome<T, R> outcome;
        if (failure == null) {
            outcome = new BatchOutcome<>(index, item, Optional.ofNullable(result), Optional.empty());
            succeeded.incrementAndGet();
        } else {
            Throwable t = ErrorMapper.unwrap(failure);
            RekofaceException error = t instanceof RekofaceException r ? r
                : new RekofaceException("batch item " + index + " failed: " + t, t);
            outcome = new BatchOutcome<>(index, item, Optional.empty(), Optional.of(error));
            failed.incrementAndGet();
        }
        if (callback != null) {
            try {
                synchronized (callbackLock) {
                    callback.accept(outcome);
                }
            } catch (RuntimeException e) {
                LOG.warn("batch outcome callback failed for item {}: {}", index, e.toString());
            } finally {
                slots.release();
            }
        } else {
            queue.add(outcome);
        }
        try {
            progress.accept(progress());
        } catch (RuntimeException e) {
            LOG.warn("batch progress listener failed: {}", e.toString());
        }
        inFlight.decrementAndGet();
        maybeEnd();
    }

    private void maybeEnd() {
        if (dispatchDone && inFlight.get() == 0 && endSent.compareAndSet(false, true)) {
            queue.add(END);
            if (pool != null) {
                pool.shutdown();
            }
            BatchSummary summary = new BatchSummary(succeeded.get(), failed.get(), cancelled,
                Duration.ofNanos(System.nanoTime() - startNanos));
            if (inputFailure != null) {
                completion.completeExceptionally(inputFailure instanceof RekofaceException ? inputFailure
                    : new RekofaceException("batch input failed: " + inputFailure, inputFailure));
            } else {
                completion.complete(summary);
            }
        }
    }

    @Override
    public Iterator<BatchOutcome<T, R>> iterator() {
        return new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (callback != null) {
                    return false;
                }
                if (next == null) {
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RekofaceException("interrupted while waiting for a batch outcome", e);
                    }
                    if (next == END) {
                        queue.add(END);
                    }
                }
                if (next == END && inputFailure != null) {
                    RuntimeException f = inputFailure;
                    throw f instanceof RekofaceException ? f : new RekofaceException("batch input failed: " + f, f);
                }
                return next != END;
            }

            @Override
            @SuppressWarnings("unchecked")
            public BatchOutcome<T, R> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                BatchOutcome<T, R> out = (BatchOutcome<T, R>) next;
                next = null;
                slots.release();
                return out;
            }
        };
    }

    @Override
    public void cancel() {
        cancelled = true;
        slots.release();  // wakes the dispatcher if it waits for a slot; it then sees the flag and stops
    }

    @Override
    public BatchProgress progress() {
        return new BatchProgress(started.get(), succeeded.get(), failed.get(), total, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    @Override
    public CompletableFuture<BatchSummary> completion() {
        return completion;
    }

    @Override
    public void close() {
        if (!completion.isDone()) {
            cancel();
        }
        try {
            completion.exceptionally(t -> null).join();
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }
}
