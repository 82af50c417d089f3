package dev.rekoface.internal;

import dev.rekoface.RekofaceException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs the next step after a wait: the sync path sleeps on the calling thread, the async path schedules. */
interface Delayer {

    <T> CompletableFuture<T> after(long nanos, Supplier<CompletableFuture<T>> next);

    /** Sleeps on the calling thread. */
    Delayer SLEEP = new Delayer() {
        @Override
        public <T> CompletableFuture<T> after(long nanos, Supplier<CompletableFuture<T>> next) {
            if (nanos > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(nanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return CompletableFuture.failedFuture(new RekofaceException("interrupted while waiting to retry", e));
                }
            }
            return next.get();
        }
    };

    static Delayer scheduled(ScheduledExecutorService scheduler) {
        return new Delayer() {
            @Override
            public <T> CompletableFuture<T> after(long nanos, Supplier<CompletableFuture<T>> next) {
                if (nanos <= 0) {
                    return next.get();
                }
                CompletableFuture<Void> tick = new CompletableFuture<>();
                scheduler.schedule(() -> tick.complete(null), nanos, TimeUnit.NANOSECONDS);
                return tick.thenCompose(v -> next.get());
            }
        };
    }
}
