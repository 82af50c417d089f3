package dev.rekoface;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * An asynchronous listing that follows the service's NextToken lazily: a page is requested only when the subscriber
 * asks for more items than are buffered, so no caller ever reads only the first page and nobody reads pages they do
 * not need. A {@link Flow.Publisher}; each subscription lists afresh.
 *
 * @param <T> the item type
 */
public interface PagedPublisher<T> extends Flow.Publisher<T> {

    /**
     * Visits every item of every page.
     *
     * @param action called for each item, in order, never concurrently
     * @return a future completed after the last item, or failed with a {@link RekofaceException}
     */
    default CompletableFuture<Void> forEach(Consumer<? super T> action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        subscribe(new Flow.Subscriber<T>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
                try {
                    action.accept(item);
                } catch (RuntimeException e) {
                    subscription.cancel();
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        return done;
    }

    /**
     * Collects every item of every page.
     *
     * @return a future of an unmodifiable list
     */
    default CompletableFuture<List<T>> toList() {
        List<T> out = new ArrayList<>();
        return forEach(out::add).thenApply(v -> Collections.unmodifiableList(out));
    }
}
