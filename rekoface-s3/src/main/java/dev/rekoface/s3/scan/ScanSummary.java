package dev.rekoface.s3.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a scan ended.
 *
 * @param output the JSONL file
 * @param lines lines in the file, earlier runs included
 * @param byStatus lines per status ({@code match}, {@code no_match}, {@code no_face}, {@code faces},
 *     {@code skipped}, {@code duplicate}, {@code error}), earlier runs included
 * @param resumedAfter the last key of the earlier run this one resumed, or null
 * @param elapsed the wall time of this run
 */
public record ScanSummary(Path output, long lines, Map<String, Long> byStatus, String resumedAfter, Duration elapsed) {
    /** Validates and copies. */
    public ScanSummary {
        byStatus = Map.copyOf(byStatus);
    }

    /**
     * Returns the number of lines with a status.
     *
     * @param status a status
     * @return the count
     */
    public long count(String status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
