package dev.rekoface.s3.scan;

import java.time.Duration;

/**
 * How far a scan has come.
 *
 * @param written objects with their line written (in this run)
 * @param matched objects with a match (or, for detection, with faces)
 * @param skipped objects skipped (not an image, too large, duplicates)
 * @param failed objects that failed
 * @param elapsed time since this run started
 */
public record ScanProgress(long written, long matched, long skipped, long failed, Duration elapsed) {
}
