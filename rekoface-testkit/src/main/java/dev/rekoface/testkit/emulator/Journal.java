package dev.rekoface.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's optional persistence: an append-only journal of state events, one line per event
 * ({@code <crc32 hex> <json>\n}), fsync'd before the request that caused it is answered.
 *
 * <p>Kill-safety: a process killed at any moment leaves at most a torn last line, which the next start detects (bad
 * checksum, bad JSON or no newline) and drops, so only the request in flight is lost. At start the journal is
 * compacted: the state is written to a temporary file, fsync'd, and atomically renamed over the journal.
 */
final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final String FILE = "rekognition-journal.log";

    private final Path file;
    private FileChannel channel;

    private Journal(Path file) {
        this.file = file;
    }

    /**
     * Opens the journal in a directory, replays it into the state and compacts it.
     *
     * @param dir the data directory (created if missing)
     * @param state the empty state to fill
     * @return the open journal
     */
    static Journal open(Path dir, EmulatorState state) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE);
            int applied = 0;
            int dropped = 0;
            if (Files.exists(file)) {
                byte[] all = Files.readAllBytes(file);
                int start = 0;
                while (start < all.length) {
                    int nl = indexOf(all, (byte) '\n', start);
                    if (nl < 0) {
                        dropped++; // torn last line: no newline
                        break;
                    }
                    String line = new String(all, start, nl - start, StandardCharsets.UTF_8);
                    start = nl + 1;
                    JsonNode event = parse(line);
                    if (event == null) {
                        dropped++;
                        if (start < all.length) {
                            LOG.warn("journal {} has a damaged record before its end; keeping the {} events before it", file, applied);
                        }
                        break;
                    }
                    state.apply(event);
                    applied++;
                }
            }
            if (dropped > 0) {
                LOG.warn("journal {}: dropped a torn last record (a request in flight when the emulator stopped)", file);
            }
            Journal j = new Journal(file);
            j.compact(state);
            LOG.info("data dir {}: {} collections restored from {} events", dir, state.collections.size(), applied);
            return j;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the emulator's data dir " + dir, e);
        }
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode parse(String line) {
        int sp = line.indexOf(' ');
        if (sp != 8) {
            return null;
        }
        String json = line.substring(9);
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        if (!String.format("%08x", crc.getValue()).equals(line.substring(0, 8))) {
            return null;
        }
        try {
            return EmulatorState.JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    static byte[] encode(JsonNode event) {
        String json = event.toString();
        CRC32 crc = new CRC32();
        byte[] jb = json.getBytes(StandardCharsets.UTF_8);
        crc.update(jb);
        return (String.format("%08x", crc.getValue()) + " " + json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Rewrites the journal as a snapshot of the state: temp file, fsync, atomic rename, fsync of the directory. */
    synchronized void compact(EmulatorState state) throws IOException {
        if (channel != null) {
            channel.close();
        }
        Path tmp = file.resolveSibling(FILE + ".tmp");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<ObjectNode> events = state.snapshotEvents();
        for (ObjectNode e : events) {
            buf.write(encode(e));
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(buf.toByteArray()));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the rename is still atomic
        }
    }

    /** Appends one event and forces it to disk. */
    synchronized void append(JsonNode event) {
        try {
            ByteBuffer b = ByteBuffer.wrap(encode(event));
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the emulator's journal " + file, e);
        }
    }

    /** Returns the journal file. */
    Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.warn("closing journal {}: {}", file, e.toString());
        }
    }
}
