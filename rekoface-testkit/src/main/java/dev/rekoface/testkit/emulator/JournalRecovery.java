package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import dev.rekoface.InvalidArgumentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies every intact record of a (damaged) data directory's journal into a new data directory, never changing the
 * source; the report says what was kept and which byte ranges were skipped.
 *
 * <pre>{@code
 * JournalRecovery r = JournalRecovery.recover(Path.of("data"), Path.of("data-recovered"));
 * r.summary().forEach(System.out::println);
 * RekognitionEmulator.builder().dataDir(r.target()).start();
 * }</pre>
 *
 * <p>Records are framed by their end of line and each carries a checksum, so reading resumes after a damaged record:
 * only the damaged records are lost, those after them are kept. A record that refers to a collection whose creation was
 * lost is copied too but has no effect; {@link #orphanRecords()} counts them. Same as {@code java -jar
 * rekoface-emulator.jar --recover-journal --data-dir DIR --to NEWDIR}.
 */
public final class JournalRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);

    private final Path source;
    private final Path target;
    private final int recovered;
    private final List<String> skipped;
    private final String torn;
    private final int orphans;
    private final int collections;
    private final int faces;
    private final int users;

    private JournalRecovery(Path source, Path target, int recovered, List<String> skipped, String torn, int orphans,
        EmulatorState state) {
        this.source = source;
        this.target = target;
        this.recovered = recovered;
        this.skipped = List.copyOf(skipped);
        this.torn = torn;
        this.orphans = orphans;
        this.collections = state.collections.size();
        this.faces = state.collections.values().stream().mapToInt(c -> c.faces.size()).sum();
        this.users = state.collections.values().stream().mapToInt(c -> c.users.size()).sum();
    }

    /**
     * Copies the intact records of a data directory's journal into a new data directory.
     *
     * @param dataDir the damaged data directory (only read; locked while read if it has a lock file)
     * @param newDir the new data directory: missing or empty (a lone lock file is allowed, so that a failed recovery
     *     can be retried), and not inside {@code dataDir}, also not through a symbolic link
     * @return what was recovered and skipped
     * @throws InvalidArgumentException if {@code dataDir} has no journal or {@code newDir} is not a new directory
     * @throws DataDirInUseException if an emulator holds either directory
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static JournalRecovery recover(Path dataDir, Path newDir) {
        Path file = dataDir.resolve(Journal.FILE);
        if (!Files.isRegularFile(file)) {
            throw new InvalidArgumentException("dataDir", "there is no journal " + Journal.FILE + " in " + dataDir);
        }
        Path from = realPath(dataDir);
        Path to = realPath(newDir);
        if (to.startsWith(from)) {
            throw new InvalidArgumentException("newDir", "the new directory " + newDir + " must be outside " + dataDir
                + ", which is left untouched");
        }
        if (Files.exists(newDir) && !isEmptyDirectory(newDir)) {
            throw new InvalidArgumentException("newDir", "the new directory " + newDir
                + " must not exist or be empty, so that nothing in it is overwritten");
        }
        try (DataDirLock sourceLock = DataDirLock.acquireIfPresent(dataDir).orElse(null);
             DataDirLock targetLock = DataDirLock.acquire(newDir)) {
            JournalScan scan = JournalScan.of(Files.readAllBytes(file));
            EmulatorState state = new EmulatorState();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<String> skipped = new ArrayList<>();
            scan.damaged.forEach(r -> skipped.add(r.toString()));
            int recovered = 0;
            int orphans = 0;
            for (JournalScan.Record r : scan.records) {
                JsonNode e = r.event();
                boolean orphan = e.hasNonNull("collection") && state.collection(e.get("collection").asString()) == null;
                try {
                    state.apply(e);
                } catch (RuntimeException ex) {
                    skipped.add(new JournalScan.Region(r.offset(), r.line().length + 1, "a record that cannot be applied: "
                        + ex).toString());
                    continue;
                }
                out.write(r.line());
                out.write('\n');
                recovered++;
                orphans += orphan ? 1 : 0;
            }
            Journal.writeAtomically(newDir.resolve(Journal.FILE), out.toByteArray());
            JournalRecovery report = new JournalRecovery(file, newDir, recovered, skipped,
                scan.torn == null ? null : scan.torn.toString(), orphans, state);
            LOG.info("recovered journal {} into {}: {} records kept, {} regions skipped", file, newDir, recovered, skipped.size());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover the journal " + file + " into " + newDir, e);
        }
    }

    /**
     * The path with every symbolic link of its existing part resolved, so that a target reached through a link into
     * the source is seen inside it; the missing rest is appended as given.
     */
    private static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path, e);
        }
    }

    /** Empty, or holding only a lock file (left by an earlier recovery that failed, or by a stopped emulator). */
    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> p.getFileName().toString().equals(DataDirLock.FILE) && Files.isRegularFile(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Returns the journal that was read. */
    public Path source() {
        return source;
    }

    /** Returns the new data directory. */
    public Path target() {
        return target;
    }

    /** Returns how many intact records were copied. */
    public int recoveredRecords() {
        return recovered;
    }

    /** Returns the skipped byte ranges of the source, as {@code bytes FROM-TO (N bytes): what}; empty if none. */
    public List<String> skippedRegions() {
        return skipped;
    }

    /** Returns the torn last record that was dropped (a write cut short by a stop), if there was one. */
    public Optional<String> tornLastRecord() {
        return Optional.ofNullable(torn);
    }

    /** Returns how many copied records refer to a collection whose creation was in a skipped region (no effect). */
    public int orphanRecords() {
        return orphans;
    }

    /** Returns the number of collections in the new directory. */
    public int collections() {
        return collections;
    }

    /** Returns the number of faces in the new directory. */
    public int faces() {
        return faces;
    }

    /** Returns the number of users in the new directory. */
    public int users() {
        return users;
    }

    /** Returns the report as lines for a person. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("recovered " + recovered + " intact record" + (recovered == 1 ? "" : "s") + " of " + source + " into "
            + target.resolve(Journal.FILE) + " (" + collections + " collections, " + faces + " faces, " + users + " users)");
        lines.add("skipped " + skipped.size() + " damaged region" + (skipped.size() == 1 ? "" : "s")
            + (skipped.isEmpty() ? "" : ":"));
        skipped.forEach(s -> lines.add("  " + s));
        if (torn != null) {
            lines.add("dropped the torn last record: " + torn);
        }
        if (orphans > 0) {
            lines.add(orphans + " recovered record" + (orphans == 1 ? " refers" : "s refer")
                + " to a collection created in a skipped region; " + (orphans == 1 ? "it has" : "they have") + " no effect");
        }
        lines.add("the source was not changed; start the emulator with --data-dir " + target);
        return lines;
    }

    @Override
    public String toString() {
        return String.join("\n", summary());
    }
}
