package dev.rekoface.batch;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceException;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one item of a batch: its result, or the error that stopped it after the client's retries.
 *
 * @param index the item's position in the input, from 0
 * @param item the item
 * @param result the result, when it succeeded (empty for a task that completes with null)
 * @param error the error, when it failed
 * @param <T> the item type
 * @param <R> the result type
 */
public record BatchOutcome<T, R>(long index, T item, Optional<R> result, Optional<RekofaceException> error) {
    /** Validates: never both a result and an error. */
    public BatchOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(error, "error");
        if (result.isPresent() && error.isPresent()) {
            throw new InvalidArgumentException("outcome", "an outcome has a result or an error, not both");
        }
    }

    /** Returns true if the item succeeded. */
    public boolean succeeded() {
        return error.isEmpty();
    }
}
