package dev.rekoface.batch;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How far a batch has come.
 *
 * @param started items started
 * @param succeeded items that succeeded
 * @param failed items that failed
 * @param total the number of items, when the input's size is known
 * @param elapsed time since the batch started
 */
public record BatchProgress(long started, long succeeded, long failed, OptionalLong total, Duration elapsed) {
    /** Returns the items finished, succeeded or failed. */
    public long completed() {
        return succeeded + failed;
    }
}
