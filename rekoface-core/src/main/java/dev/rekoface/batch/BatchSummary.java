package dev.rekoface.batch;

import java.time.Duration;

/**
 * How a batch ended.
 *
 * @param succeeded items that succeeded
 * @param failed items that failed
 * @param cancelled whether the batch was cancelled before its input was exhausted
 * @param elapsed wall time from start to the last outcome
 */
public record BatchSummary(long succeeded, long failed, boolean cancelled, Duration elapsed) {
    /** Returns the items that ran. */
    public long completed() {
        return succeeded + failed;
    }
}
