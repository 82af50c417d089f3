package dev.rekoface.batch;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A running batch. Iterate it (from one thread) to get the outcomes in completion order, each exactly once; the
 * iterator blocks until the next outcome is ready and ends after the last. A batch started with
 * {@link Batch.Builder#onOutcome} delivers outcomes to that callback instead and its iterator is empty.
 *
 * <p>Memory stays flat whatever the input size: items are taken from the input only as slots free up, and a slot
 * frees when its outcome has been consumed. {@link #close()} cancels what has not started and waits for what has.
 *
 * @param <T> the item type
 * @param <R> the result type
 */
public interface BatchRun<T, R> extends Iterable<BatchOutcome<T, R>>, AutoCloseable {

    /** Returns the outcomes, in completion order, blocking for each. */
    @Override
    Iterator<BatchOutcome<T, R>> iterator();

    /** Returns the outcomes as a sequential stream, in completion order. */
    default Stream<BatchOutcome<T, R>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Stops starting items; items already started finish and get their outcome. */
    void cancel();

    /** Returns the current progress. */
    BatchProgress progress();

    /** Returns a future completed when every started item has its outcome; failed if reading the input failed. */
    CompletableFuture<BatchSummary> completion();

    /** Cancels what has not started and waits until the started items have finished. */
    @Override
    void close();
}
