package dev.rekoface.testkit.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An exclusive lock on a data directory (an OS file lock on its {@value #FILE} file), so that two processes, or two
 * emulators or local stacks in one process, never write the same state. The operating system releases it when the
 * holder dies, even by {@code kill -9}; {@link #close()} releases it earlier.
 *
 * <pre>{@code
 * try (DataDirLock lock = DataDirLock.acquire(dir)) {   // DataDirInUseException if someone holds it
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. Directories locked in this JVM are also remembered in memory: a second attempt is refused without
 * opening the lock file again, since closing any channel on a file drops every lock this process holds on it.
 */
public final class DataDirLock implements AutoCloseable {
    /** The lock file's name inside the directory; it is never written, only locked. */
    public static final String FILE = ".lock";

    private static final Set<Path> HELD = new HashSet<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private DataDirLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks a directory, creating it and its lock file if missing.
     *
     * @param dataDir the directory
     * @return the held lock; close it to release
     * @throws DataDirInUseException if another process, emulator or local stack holds it
     * @throws UncheckedIOException if the directory or its lock file cannot be created
     */
    public static DataDirLock acquire(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return lock(dataDir, true).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data directory " + dataDir, e);
        }
    }

    /**
     * Locks a directory only if it already has a lock file, creating nothing (for readers that must not change it).
     *
     * @param dataDir the directory
     * @return the held lock, or empty if the directory has no lock file (no emulator ever ran there with locking)
     * @throws DataDirInUseException if another process, emulator or local stack holds it
     */
    static Optional<DataDirLock> acquireIfPresent(Path dataDir) {
        try {
            return lock(dataDir, false);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // a read-only directory: nobody can be writing it through a lock file we cannot open for writing
            return Optional.empty();
        }
    }

    private static Optional<DataDirLock> lock(Path dataDir, boolean create) throws IOException {
        Path file = dataDir.resolve(FILE);
        synchronized (HELD) {
            // every lock file this JVM holds was opened here, under this monitor: if it does not exist, none is held
            if (Files.exists(file) && HELD.contains(file.toRealPath())) {
                throw new DataDirInUseException(dataDir);
            }
            FileChannel channel = create
                ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.WRITE);
            Path key;
            FileLock lock;
            try {
                key = file.toRealPath();
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new DataDirInUseException(dataDir);
            }
            HELD.add(key);
            return Optional.of(new DataDirLock(key, channel, lock));
        }
    }

    /** Releases the lock (idempotent). */
    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (lock.isValid()) {
                    lock.release();
                }
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            } finally {
                HELD.remove(key);
            }
        }
    }
}
