package dev.rekoface.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack as a background process (the daemon): started by a command on the embedded default, it runs the
 * {@link LocalStack} over a data directory (holding its lock), publishes its endpoints in the state file
 * ({@link DaemonState#FILE}), serves every later command, and stops itself after an idle time without requests,
 * releasing the data directory. {@code SIGTERM} ({@code rekoface local stop}) stops it gracefully.
 *
 * <p>Arguments: {@code --data-dir DIR --idle-timeout MILLIS --nonce TEXT [--cds-archive FILE]}; with the last (and
 * {@code -XX:+RecordDynamicDumpInfo}) it writes a class-data-sharing archive for later daemons once it is quiet. Its output goes to
 * {@link DaemonState#LOG} in the data directory; a failure to start is logged there as one line
 * {@code cannot start: REASON} and exits 1.
 */
public final class LocalDaemon {
    /** The prefix of the log line saying why it could not start (read back by the command that started it). */
    static final String CANNOT_START = "cannot start: ";
    /** How long the daemon must be without requests before it writes its class-data-sharing archive. */
    private static final long ARCHIVE_AFTER_QUIET_MILLIS = 5000;

    private final Object stateLock = new Object();
    private DaemonState state;
    private boolean stopping;

    private LocalDaemon() {
    }

    /**
     * Runs the daemon until it is idle for its idle time or terminated.
     *
     * @param args {@code --data-dir DIR --idle-timeout MILLIS --nonce TEXT}
     */
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.log.dev.rekoface.cli.LocalDaemon", "info");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        Logger log = LoggerFactory.getLogger(LocalDaemon.class);
        Path dataDir = null;
        long idleMillis = -1;
        String nonce = null;
        Path archive = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[i + 1]).toAbsolutePath();
                case "--idle-timeout" -> idleMillis = Long.parseLong(args[i + 1]);
                case "--nonce" -> nonce = args[i + 1];
                case "--cds-archive" -> archive = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dataDir == null || idleMillis <= 0 || nonce == null) {
            log.error(CANNOT_START + "usage: LocalDaemon --data-dir DIR --idle-timeout MILLIS --nonce TEXT");
            System.exit(2);
            return;
        }
        System.exit(new LocalDaemon().run(log, dataDir, Duration.ofMillis(idleMillis), nonce, archive));
    }

    private int run(Logger log, Path dataDir, Duration idle, String nonce, Path archive) {
        LocalStack stack;
        try {
            Private.directory(dataDir);
            stack = LocalStack.start(dataDir);
            // once the data directory's lock is held: nothing else writes in it while the walk runs
            Private.restrictTree(dataDir);
        } catch (IOException | RuntimeException e) {
            log.error(CANNOT_START + RekofaceCli.oneLine(e));
            log.debug("start failure", e);
            return RekofaceCli.FAILED;
        }
        ProcessHandle self = ProcessHandle.current();
        long now = System.currentTimeMillis();
        long processStart = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        synchronized (stateLock) {
            state = new DaemonState(self.pid(), processStart, nonce, stack.rekognitionEndpoint(), stack.s3Endpoint(),
                DaemonState.codeStamp(), now, now, idle);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(log, stack, dataDir), "rekoface-daemon-stop"));
        try {
            publish(dataDir, state);
        } catch (IOException e) {
            log.error(CANNOT_START + "cannot write " + dataDir.resolve(DaemonState.FILE) + ": " + e);
            return RekofaceCli.FAILED;
        }
        log.info("serving {} (Rekognition {}, S3 {}), pid {}; stops after {} without requests", dataDir,
            stack.rekognitionEndpoint(), stack.s3Endpoint(), self.pid(), Durations.format(idle));
        long tick = Math.max(50, Math.min(1000, idle.toMillis() / 20));
        long seen = activity(stack);
        long last = now;
        boolean archived = archive == null;
        while (true) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return RekofaceCli.OK;
            }
            long a = activity(stack);
            long t = System.currentTimeMillis();
            last = Math.max(last, touched(dataDir));
            if (a != seen) {
                seen = a;
                last = t;
                DaemonState next;
                synchronized (stateLock) {
                    next = state = state.withLastActivity(t);
                }
                try {
                    publish(dataDir, next);
                } catch (IOException e) {
                    log.warn("cannot update {}: {}", dataDir.resolve(DaemonState.FILE), e.toString());
                }
            } else if (t - last >= idle.toMillis()) {
                log.info("no request for {}: stopping", Durations.format(idle));
                return RekofaceCli.OK;
            } else if (!archived && t - last >= ARCHIVE_AFTER_QUIET_MILLIS) {
                archived = true;
                writeArchive(log, archive);
            }
        }
    }

    /**
     * Writes the class-data-sharing archive of the classes loaded so far (the stack, and the engine if a request used
     * it), for later daemons to start faster: aside, then renamed into place, replacing the archives of other jars.
     * A failure only means later daemons start without it.
     */
    private static void writeArchive(Logger log, Path archive) {
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(archive.getParent());
            long t0 = System.nanoTime();
            java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                new Object[] {new String[] {"dynamic_dump", tmp.toString()}}, new String[] {String[].class.getName()});
            if (!Files.isRegularFile(tmp) || Files.size(tmp) == 0) {
                log.info("no class-data-sharing archive written");
                return;
            }
            Files.move(tmp, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (java.util.stream.Stream<Path> old = Files.list(archive.getParent())) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    String name = p.getFileName().toString();
                    if (name.startsWith("daemon-") && name.endsWith(".jsa") && !p.equals(archive)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            log.info("wrote the class-data-sharing archive {} in {} ms", archive, (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception e) {
            log.info("no class-data-sharing archive: {}", e.toString());
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /** When a command last touched the state file (about to send requests), or 0. */
    private static long touched(Path dataDir) {
        try {
            return Files.getLastModifiedTime(dataDir.resolve(DaemonState.FILE)).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The requests served so far, as a number that changes whenever one is served. */
    private static long activity(LocalStack stack) {
        return stack.emulator().counters().totalRequests() + stack.s3Activity();
    }

    /** Writes the state file, unless stopping (the shutdown hook removes it). */
    private void publish(Path dataDir, DaemonState s) throws IOException {
        synchronized (stateLock) {
            if (!stopping) {
                s.write(dataDir);
            }
        }
    }

    /** Stops the stack, releasing the data directory, then removes the state file if it is still this daemon's. */
    private void stop(Logger log, LocalStack stack, Path dataDir) {
        String nonce;
        synchronized (stateLock) {
            stopping = true;
            nonce = state.nonce();
        }
        try {
            stack.close();
        } catch (RuntimeException e) {
            log.warn("stopping the stack: {}", e.toString());
        }
        // a command replaces a daemon only after its process is gone, so the file still names this one, unless a
        // user removed or replaced it by hand
        DaemonState onDisk = DaemonState.read(dataDir);
        if (onDisk != null && nonce.equals(onDisk.nonce())) {
            try {
                Files.deleteIfExists(dataDir.resolve(DaemonState.FILE));
            } catch (IOException e) {
                log.warn("cannot remove {}: {}", dataDir.resolve(DaemonState.FILE), e.toString());
            }
        }
        log.info("stopped");
    }
}
