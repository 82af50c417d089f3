package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
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
 * ({@code <crc32 hex> <json>\n}), fsync'd before the request that caused it is answered. The data directory is
 * {@linkplain DataDirLock locked} while the journal is open, so a second emulator on it is refused.
 *
 * <p>Kill-safety: a process killed at any moment leaves at most a torn last line (no end of line), which the next start
 * drops, so only the request in flight is lost. Any other damage (a complete record failing its checksum, wherever it
 * is) stops the start with a {@link JournalDamagedException} naming the file and the offset, before anything is
 * written; {@link JournalRecovery} copies the intact records into a new directory. At start the journal is compacted:
 * the state is written to a temporary file, fsync'd, and atomically renamed over the journal.
 */
final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final String FILE = "rekognition-journal.log";

    private final Path file;
    private final DataDirLock lock;
    private FileChannel channel;

    private Journal(Path file, DataDirLock lock) {
        this.file = file;
        this.lock = lock;
    }

    /**
     * Locks a data directory, replays its journal into the state and compacts it.
     *
     * @param dir the data directory (created if missing)
     * @param state the empty state to fill
     * @return the open journal
     * @throws DataDirInUseException if another emulator or process holds the directory
     * @throws JournalDamagedException if the journal is damaged before its last record (nothing is changed)
     */
    static Journal open(Path dir, EmulatorState state) {
        DataDirLock lock = DataDirLock.acquire(dir);
        try {
            Path file = dir.resolve(FILE);
            int applied = 0;
            JournalScan scan = null;
            if (Files.exists(file)) {
                scan = JournalScan.of(Files.readAllBytes(file));
                if (!scan.damaged.isEmpty()) {
                    throw new JournalDamagedException(file, scan.damaged, dir.toString());
                }
                for (JournalScan.Record r : scan.records) {
                    try {
                        state.apply(r.event());
                    } catch (RuntimeException e) {
                        throw new JournalDamagedException(file, List.of(new JournalScan.Region(r.offset(), r.line().length + 1,
                            "a record that cannot be applied: " + e)), dir.toString());
                    }
                    applied++;
                }
            }
            if (scan != null && scan.torn != null) {
                LOG.warn("journal {}: dropped its torn last record, {} (a request in flight when the emulator stopped)", file, scan.torn);
            }
            Journal j = new Journal(file, lock);
            j.compact(state);
            LOG.info("data dir {}: {} collections restored from {} events", dir, state.collections.size(), applied);
            return j;
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot open the emulator's data dir " + dir, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
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
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<ObjectNode> events = state.snapshotEvents();
        for (ObjectNode e : events) {
            buf.write(encode(e));
        }
        writeAtomically(file, buf.toByteArray());
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Replaces a file with new content: temp file, fsync, atomic rename, fsync of the directory. */
    static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(file.getParent());
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
        } finally {
            lock.close();
        }
    }
}
