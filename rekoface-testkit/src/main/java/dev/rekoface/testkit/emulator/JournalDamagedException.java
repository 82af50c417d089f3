package dev.rekoface.testkit.emulator;

import dev.rekoface.RekofaceException;
import java.nio.file.Path;
import java.util.List;

/**
 * The journal of a data directory is damaged before its end (not merely a torn last record), so the emulator refuses
 * to start rather than lose what follows; the directory is left exactly as it was. {@link JournalRecovery#recover}
 * (or {@code --recover-journal --data-dir DIR --to NEWDIR}) copies every intact record into a new directory.
 */
public final class JournalDamagedException extends RekofaceException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;
    private final List<String> regions;

    JournalDamagedException(Path file, List<JournalScan.Region> damaged, String dataDir) {
        super(message(file, damaged, dataDir));
        this.file = file;
        this.offset = damaged.get(0).offset();
        this.regions = damaged.stream().map(JournalScan.Region::toString).toList();
    }

    private static String message(Path file, List<JournalScan.Region> damaged, String dataDir) {
        JournalScan.Region first = damaged.get(0);
        StringBuilder m = new StringBuilder("the emulator's journal ").append(file).append(" is damaged at byte offset ")
            .append(first.offset()).append(" (").append(first.length()).append(first.length() == 1 ? " byte: " : " bytes: ")
            .append(first.reason()).append(')');
        if (damaged.size() > 1) {
            m.append(" and in ").append(damaged.size() - 1).append(" more place").append(damaged.size() > 2 ? "s" : "");
        }
        return m.append("; the emulator did not start and changed nothing. Copy every intact record into a new directory ")
            .append("with: java -jar rekoface-emulator.jar --recover-journal --data-dir ").append(dataDir)
            .append(" --to NEWDIR (JournalRecovery.recover in Java), then start on NEWDIR").toString();
    }

    /** Returns the damaged journal file. */
    public Path file() {
        return file;
    }

    /** Returns the byte offset of the first damaged record. */
    public long offset() {
        return offset;
    }

    /** Returns every damaged region, as {@code bytes FROM-TO (N bytes): what}. */
    public List<String> damagedRegions() {
        return regions;
    }
}
