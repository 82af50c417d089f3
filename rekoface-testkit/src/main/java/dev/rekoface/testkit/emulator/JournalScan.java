package dev.rekoface.testkit.emulator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A read-only pass over the bytes of a journal: its intact records, its damaged regions and its torn last record.
 *
 * <p>The framing: a record is {@code <crc32 of the JSON, 8 lowercase hex digits> <JSON>\n}. The JSON is compact and
 * escapes control characters, so the only newline byte of a record is its last one; a damaged record therefore costs
 * only itself, and reading resumes at the next newline. When a record's own newline is the damaged byte, two records
 * run together on one line; they are told apart by where the second one's header ({@code xxxxxxxx {}) begins, and
 * each is kept if its checksum matches.
 *
 * <p>Only the bytes after the last newline may be a torn write (an append cut short by a kill or a crash): they are
 * dropped unless they hold a whole record. A complete line that fails its checksum is damage, wherever it is.
 */
final class JournalScan {
    /** An intact record: where it starts and its bytes without the newline. */
    record Record(long offset, byte[] line, JsonNode event) {
    }

    /** Bytes that are not intact records. */
    record Region(long offset, long length, String reason) {
        @Override
        public String toString() {
            return "bytes " + offset + "-" + (offset + length - 1) + " (" + length + (length == 1 ? " byte): " : " bytes): ") + reason;
        }
    }

    final List<Record> records = new ArrayList<>();
    final List<Region> damaged = new ArrayList<>();
    Region torn;

    private JournalScan() {
    }

    /**
     * Scans the bytes of a journal.
     *
     * @param all the whole file
     * @return what it holds
     */
    static JournalScan of(byte[] all) {
        JournalScan s = new JournalScan();
        int pos = 0;
        while (pos < all.length) {
            int nl = indexOf(all, (byte) '\n', pos);
            if (nl < 0) {
                s.tail(all, pos);
                break;
            }
            JsonNode e = parse(all, pos, nl);
            if (e != null) {
                s.records.add(new Record(pos, java.util.Arrays.copyOfRange(all, pos, nl), e));
            } else {
                s.salvage(all, pos, nl);
            }
            pos = nl + 1;
        }
        return s;
    }

    /** The bytes after the last newline: a whole record missing only its newline, a damaged one, or a torn write. */
    private void tail(byte[] all, int pos) {
        int end = all.length;
        JsonNode e = parse(all, pos, end);
        if (e != null) {
            records.add(new Record(pos, java.util.Arrays.copyOfRange(all, pos, end), e));
        } else if (end - pos > 1 && parse(all, pos, end - 1) != null) {
            // a whole record whose newline was overwritten: a write is never torn after its last byte
            records.add(new Record(pos, java.util.Arrays.copyOfRange(all, pos, end - 1), parse(all, pos, end - 1)));
            addDamage(end - 1, 1, "the end of line of the last record is damaged");
        } else {
            torn = new Region(pos, end - pos, "no end of line, a write cut short by a stop");
        }
    }

    /**
     * A complete line that fails its checksum: keeps the records run together on it (a damaged newline between them)
     * and reports the rest.
     */
    private void salvage(byte[] all, int start, int end) {
        List<Integer> starts = new ArrayList<>();
        starts.add(start);
        for (int p = start + 1; p + 10 <= end; p++) {
            if (isHeader(all, p)) {
                starts.add(p);
            }
        }
        int cursor = start;
        for (int i = 0; i < starts.size(); i++) {
            int s = starts.get(i);
            if (s < cursor) {
                continue;
            }
            for (int j = i + 1; j <= starts.size(); j++) {
                int e = j < starts.size() ? starts.get(j) - 1 : end;
                JsonNode ev = e > s ? parse(all, s, e) : null;
                if (ev != null) {
                    if (s > cursor) {
                        addDamage(cursor, s - cursor, reason(s - cursor));
                    }
                    records.add(new Record(s, java.util.Arrays.copyOfRange(all, s, e), ev));
                    cursor = e;
                    break;
                }
            }
        }
        if (cursor < end || end == start) { // the rest of the line and its newline (a record kept up to end owns it)
            addDamage(cursor, end + 1 - cursor, "a record whose checksum or framing does not match");
        }
    }

    private static String reason(long length) {
        return length == 1 ? "a damaged end of line between two records" : "a record whose checksum or framing does not match";
    }

    private void addDamage(long offset, long length, String reason) {
        if (length <= 0) {
            return;
        }
        if (!damaged.isEmpty()) {
            Region last = damaged.get(damaged.size() - 1);
            if (last.offset() + last.length() == offset) {
                damaged.set(damaged.size() - 1, new Region(last.offset(), last.length() + length,
                    "records whose checksum or framing does not match"));
                return;
            }
        }
        damaged.add(new Region(offset, length, reason));
    }

    /** Whether a record header ({@code xxxxxxxx {}) starts at p. */
    private static boolean isHeader(byte[] b, int p) {
        for (int i = 0; i < 8; i++) {
            byte c = b[p + i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return b[p + 8] == ' ' && b[p + 9] == '{';
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the event of the record in b[start, end), or null if it is not an intact record. */
    private static JsonNode parse(byte[] b, int start, int end) {
        if (end - start < 10 || !isHeader(b, start)) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(b, start + 9, end - start - 9);
        String expected = new String(b, start, 8, StandardCharsets.US_ASCII);
        if (!String.format("%08x", crc.getValue()).equals(expected)) {
            return null;
        }
        try {
            JsonNode n = EmulatorState.JSON.readTree(b, start + 9, end - start - 9);
            return n != null && n.isObject() && n.hasNonNull("t") ? n : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
