package dev.rekoface.internal;

import dev.rekoface.PagedPublisher;
import dev.rekoface.internal.mapper.ErrorMapper;
import dev.rekoface.internal.mapper.Page;
import dev.rekoface.internal.operation.Invoker;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Follows NextToken lazily: a sync {@link Stream} and an async {@link PagedPublisher} over the same page function. */
public final class Pager {
    private Pager() {
    }

    /**
     * Returns a lazy stream over every page; the next page is fetched when the stream needs it.
     *
     * @param fetch fetches the page after a token (null for the first)
     * @param <T> the item type
     * @return the stream
     */
    public static <T> Stream<T> stream(Function<String, CompletableFuture<Page<T>>> fetch) {
        Iterator<T> it = new Iterator<>() {
            private final ArrayDeque<T> buffer = new ArrayDeque<>();
            private Optional<String> next = Optional.empty();
            private boolean started;

            @Override
            public boolean hasNext() {
                while (buffer.isEmpty() && (!started || next.isPresent())) {
                    Page<T> page = Invoker.join(fetch.apply(started ? next.get() : null));
                    started = true;
                    buffer.addAll(page.items());
                    next = page.nextToken();
                }
                return !buffer.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.poll();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Returns a publisher that fetches a page only when its subscriber has demand beyond the buffered items.
     *
     * @param fetch fetches the page after a token (null for the first)
     * @param <T> the item type
     * @return the publisher
     */
    public static <T> PagedPublisher<T> publisher(Function<String, CompletableFuture<Page<T>>> fetch) {
        return subscriber -> {
            Objects.requireNonNull(subscriber, "subscriber");
            PageSubscription<T> s = new PageSubscription<>(fetch, subscriber);
            subscriber.onSubscribe(s);
            s.drain();
        };
    }

    /** Delivers buffered items against demand and fetches the next page when the buffer runs dry. */
    private static final class PageSubscription<T> implements Flow.Subscription {
        private final Function<String, CompletableFuture<Page<T>>> fetch;
        private final Flow.Subscriber<? super T> subscriber;
        private final ConcurrentLinkedQueue<T> buffer = new ConcurrentLinkedQueue<>();
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile boolean fetching;
        private volatile boolean started;
        private volatile Optional<String> next = Optional.empty();
        private volatile Throwable failure;

        PageSubscription(Function<String, CompletableFuture<Page<T>>> fetch, Flow.Subscriber<? super T> subscriber) {
            this.fetch = fetch;
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancelled = true;
                failure = new IllegalArgumentException("request(" + n + "): demand must be positive (Reactive Streams rule 3.9)");
                drain();
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                if (failure != null) {
                    finish(failure);
                    return;
                }
                while (!cancelled && demand.get() > 0 && !buffer.isEmpty()) {
                    T item = buffer.poll();
                    if (demand.get() != Long.MAX_VALUE) {
                        demand.decrementAndGet();
                    }
                    subscriber.onNext(item);
                }
                if (cancelled) {
                    return;
                }
                boolean morePages = !started || next.isPresent();
                if (buffer.isEmpty() && !morePages && !fetching) {
                    finish(null);
                    return;
                }
                if (buffer.isEmpty() && morePages && !fetching && demand.get() > 0) {
                    fetching = true;
                    String token = started ? next.orElse(null) : null;
                    CompletableFuture<Page<T>> page;
                    try {
                        page = fetch.apply(token);
                    } catch (RuntimeException e) {
                        page = CompletableFuture.failedFuture(e);
                    }
                    page.whenComplete((p, t) -> {
                        if (t != null) {
                            failure = ErrorMapper.unwrap(t);
                        } else {
                            buffer.addAll(p.items());
                            next = p.nextToken();
                            started = true;
                        }
                        fetching = false;
                        drain();
                    });
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void finish(Throwable t) {
            if (done.compareAndSet(false, true) && !(cancelled && t == null)) {
                if (t != null) {
                    subscriber.onError(t);
                } else {
                    subscriber.onComplete();
                }
            }
        }
    }
}
