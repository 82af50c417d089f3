package dev.rekoface.internal;

import dev.rekoface.RekofaceException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** The concurrency bound: how many calls may be in flight. Blocking for the sync client, queued for the async one. */
abstract class Permits {

    abstract CompletableFuture<Void> acquire();

    abstract void release();

    static Permits unbounded() {
        return new Permits() {
            @Override
            CompletableFuture<Void> acquire() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            void release() {
            }
        };
    }

    static Permits blocking(int max) {
        Semaphore semaphore = new Semaphore(max, true);
        return new Permits() {
            @Override
            CompletableFuture<Void> acquire() {
                try {
                    semaphore.acquire();
                    return CompletableFuture.completedFuture(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return CompletableFuture.failedFuture(new RekofaceException("interrupted while waiting for a free call slot", e));
                }
            }

            @Override
            void release() {
                semaphore.release();
            }
        };
    }

    /** A non-blocking semaphore: callers beyond the bound wait in a FIFO queue, no thread is blocked. */
    static Permits queued(int max) {
        return new Permits() {
            private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
            private int available = max;

            @Override
            CompletableFuture<Void> acquire() {
                synchronized (this) {
                    if (available > 0) {
                        available--;
                        return CompletableFuture.completedFuture(null);
                    }
                    CompletableFuture<Void> ticket = new CompletableFuture<>();
                    waiting.add(ticket);
                    return ticket;
                }
            }

            @Override
            void release() {
                CompletableFuture<Void> next;
                synchronized (this) {
                    next = waiting.poll();
                    if (next == null) {
                        available++;
                        return;
                    }
                }
                next.complete(null);
            }
        };
    }
}
