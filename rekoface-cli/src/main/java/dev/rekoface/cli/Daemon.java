package dev.rekoface.cli;

import dev.rekoface.RekofaceException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The commands' side of the local-stack daemon ({@link LocalDaemon}): finds the running one through the state file of
 * the data directory, starts one when there is none (or replaces a stale one: its process dead, not answering, or
 * running another jar), and stops it. Loads none of the stack's classes (emulator, engine, S3 server): a command
 * using the daemon costs what a command against {@code --endpoint} costs.
 */
final class Daemon {
    /** The idle time after which a daemon stops itself, unless {@code --idle-timeout} or the environment says. */
    static final Duration DEFAULT_IDLE = Duration.ofHours(3);
    /** The environment variable giving the idle time. */
    static final String IDLE_ENV = "REKOFACE_DAEMON_IDLE";

    /** The daemon's main class, by name: loading it here could pull in the stack's classes. */
    private static final String DAEMON_MAIN = "dev.rekoface.cli.LocalDaemon";
    private static final Duration START_WAIT = Duration.ofSeconds(90);
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final int HEALTH_TIMEOUT_MILLIS = 2000;
    /** Health checks (of up to 2 s each) a live daemon of this jar gets before it is taken for stale. */
    private static final int BUSY_RETRIES = 5;

    private Daemon() {
    }

    /** A running daemon, and whether this call started it. */
    record Found(DaemonState state, boolean started) {
    }

    /** The daemon could not be started or stopped; the message names the log file. */
    static final class DaemonException extends RekofaceException {
        private static final long serialVersionUID = 1L;

        DaemonException(String message) {
            super(message);
        }
    }

    /**
     * Returns the idle time: the option's value, else {@value #IDLE_ENV}, else {@link #DEFAULT_IDLE}.
     *
     * @param option the {@code --idle-timeout} value, or null
     * @return a positive duration
     */
    static Duration idleTimeout(String option) {
        String text = option != null ? option : System.getenv(IDLE_ENV);
        if (text == null || text.isBlank()) {
            return DEFAULT_IDLE;
        }
        Duration d = Durations.parse(text);
        if (d.isZero() || d.isNegative()) {
            throw new dev.rekoface.InvalidArgumentException("--idle-timeout", "idle timeout " + text
                + (option != null ? "" : " (from " + IDLE_ENV + ")") + " must be positive, e.g. 30m or 3h");
        }
        return d;
    }

    /**
     * Returns the daemon of a data directory, starting one if none is running or the one recorded is stale. Two
     * commands racing here end with one daemon: starting is serialised by a lock file.
     *
     * @param dataDir the data directory
     * @param idle the idle time of a daemon started here
     * @return the daemon
     * @throws DaemonException if a daemon cannot be started (the message names its log)
     */
    static Found ensure(Path dataDir, Duration idle) {
        Path dir = dataDir.toAbsolutePath();
        DaemonState s = DaemonState.read(dir);
        if (s != null && usable(s)) {
            return new Found(touch(dir, s), false);
        }
        synchronized (Daemon.class) {
            try {
                Private.directory(dir);
                try (FileChannel ch = FileChannel.open(Private.create(dir.resolve(DaemonState.START_LOCK)),
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                    s = DaemonState.read(dir);
                    if (s != null && usable(s)) {
                        return new Found(touch(dir, s), false);
                    }
                    if (s != null && alive(s) && DaemonState.codeStamp().equals(s.stamp()) && answersSoon(s)) {
                        // busy (every handler thread on engine work, a long pause), not stale
                        return new Found(touch(dir, s), false);
                    }
                    if (s != null) {
                        retire(s);
                    }
                    return new Found(spawn(dir, idle), true);
                }
            } catch (IOException e) {
                throw new DaemonException("cannot start the local stack in the background in " + dir + ": " + e);
            }
        }
    }

    /**
     * Returns the running daemon of a data directory, if any (starting nothing).
     *
     * @param dataDir the data directory
     * @return the daemon, if its process is alive and answers
     */
    static Optional<DaemonState> running(Path dataDir) {
        DaemonState s = DaemonState.read(dataDir.toAbsolutePath());
        return s != null && alive(s) && healthy(s.rekognition()) ? Optional.of(s) : Optional.empty();
    }

    /**
     * Stops the daemon of a data directory and waits until its process is gone.
     *
     * @param dataDir the data directory
     * @return the daemon that was stopped, or empty if none was running
     * @throws DaemonException if it does not stop
     */
    static Optional<DaemonState> stop(Path dataDir) {
        DaemonState s = DaemonState.read(dataDir.toAbsolutePath());
        if (s == null || !alive(s)) {
            return Optional.empty();
        }
        retire(s);
        return Optional.of(s);
    }

    /**
     * Tells the daemon a command is about to use it, so that its idle time counts from now: the daemon reads the state
     * file's modification time as the time of a request.
     */
    private static DaemonState touch(Path dir, DaemonState s) {
        long now = System.currentTimeMillis();
        try {
            Files.setLastModifiedTime(dir.resolve(DaemonState.FILE), java.nio.file.attribute.FileTime.fromMillis(now));
        } catch (IOException e) {
            return s;
        }
        return s.withLastActivity(Math.max(now, s.lastActivity()));
    }

    /** Whether a recorded daemon can serve: its process is this daemon's, it runs this jar, and it answers. */
    private static boolean usable(DaemonState s) {
        return alive(s) && DaemonState.codeStamp().equals(s.stamp()) && healthy(s.rekognition());
    }

    /**
     * Whether the recorded process is alive and is the daemon (not another process that got its pid later): its
     * command line carries the state's nonce. Where the command line cannot be read, its start time must match; the
     * JVM derives that from the boot time, which a clock step moves, so the command line comes first.
     */
    static boolean alive(DaemonState s) {
        Optional<ProcessHandle> p = ProcessHandle.of(s.pid());
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        ProcessHandle.Info info = p.get().info();
        Optional<String> commandLine = info.commandLine();
        if (commandLine.isPresent()) {
            return s.nonce() != null && !s.nonce().isBlank() && commandLine.get().contains(s.nonce());
        }
        Optional<Instant> start = info.startInstant();
        return start.isPresent() && s.processStart() != 0 && start.get().toEpochMilli() == s.processStart();
    }

    /** Whether a live daemon of this jar that missed one health check answers one of a few more, over some seconds. */
    private static boolean answersSoon(DaemonState s) {
        for (int i = 0; i < BUSY_RETRIES; i++) {
            if (!alive(s)) {
                return false;
            }
            if (healthy(s.rekognition())) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Whether a Rekognition endpoint answers its health check (an HTTP GET) in time. */
    static boolean healthy(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), HEALTH_TIMEOUT_MILLIS);
            socket.setSoTimeout(HEALTH_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + endpoint.getHost() + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int n = 0;
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            return new String(head, 0, n, StandardCharsets.US_ASCII).matches("HTTP/1\\.[01] 200");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Stops a recorded daemon (gracefully, then forcibly) and waits for its process to end; no-op if not ours. */
    private static void retire(DaemonState s) {
        if (!alive(s)) {
            return;
        }
        ProcessHandle p = ProcessHandle.of(s.pid()).orElse(null);
        if (p == null) {
            return;
        }
        p.destroy();
        if (waitFor(p, STOP_WAIT)) {
            return;
        }
        p.destroyForcibly();
        if (!waitFor(p, Duration.ofSeconds(10))) {
            throw new DaemonException("the local stack's background process " + s.pid() + " does not stop");
        }
    }

    private static boolean waitFor(ProcessHandle p, Duration d) {
        try {
            p.onExit().get(d.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !p.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /** Starts a daemon process, detached from this command and its terminal, and waits until it serves. */
    private static DaemonState spawn(Path dir, Duration idle) throws IOException {
        Path log = dir.resolve(DaemonState.LOG);
        if (Files.exists(log) && Files.size(log) > 0) {
            Files.move(log, dir.resolve(DaemonState.LOG + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        Private.create(log);
        String nonce = UUID.randomUUID().toString();
        List<String> jvm = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xshare:auto", "-XX:+UseSerialGC", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        Path archive = cdsArchive();
        if (archive != null && Files.isRegularFile(archive)) {
            jvm.add("-XX:SharedArchiveFile=" + archive);
        } else if (archive != null) {
            jvm.add("-XX:+RecordDynamicDumpInfo");
        }
        jvm.addAll(List.of("-cp", absoluteClassPath(), DAEMON_MAIN, "--data-dir", dir.toString(), "--idle-timeout",
            Long.toString(idle.toMillis()), "--nonce", nonce));
        if (archive != null && !Files.isRegularFile(archive)) {
            jvm.addAll(List.of("--cds-archive", archive.toString()));
        }
        List<String> cmd = new ArrayList<>();
        File sh = new File("/bin/sh");
        if (sh.canExecute()) {
            // private files (umask), deaf to the terminal's hang-up and Ctrl-C, and in a session of its own
            String setsid = Files.isExecutable(Path.of("/usr/bin/setsid")) ? "/usr/bin/setsid "
                : Files.isExecutable(Path.of("/bin/setsid")) ? "/bin/setsid " : "";
            cmd.addAll(List.of(sh.getPath(), "-c", "umask 077; trap '' HUP INT; exec " + setsid + "\"$@\"",
                "rekoface-daemon"));
        }
        cmd.addAll(jvm);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true);
        Process process = pb.start();
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            DaemonState s = DaemonState.read(dir);
            if (s != null && nonce.equals(s.nonce())) {
                return s;
            }
            if (!process.isAlive()) {
                throw new DaemonException("the local stack did not start in the background (exit "
                    + process.exitValue() + ")" + reason(log) + "; its log: " + log);
            }
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroy();
        throw new DaemonException("the local stack did not start in the background within "
            + Durations.format(START_WAIT) + "; its log: " + log);
    }

    /**
     * The daemon's class-data-sharing archive, beside the launcher's in {@code ${XDG_CACHE_HOME:-~/.cache}/rekoface/}:
     * named after the jar stamp and the JVM, so that another jar or JVM gets its own; made by the first daemon once it
     * has been quiet for a few seconds, and used by every later one (the JVM runs without it if it does not fit).
     * Null when {@code REKOFACE_CDS=off}.
     */
    static Path cdsArchive() {
        if ("off".equals(System.getenv("REKOFACE_CDS"))) {
            return null;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
            .resolve("rekoface");
        String key = DaemonState.codeStamp() + "|" + System.getProperty("java.home") + "|"
            + System.getProperty("java.vm.version");
        return cache.resolve("daemon-" + Integer.toHexString(key.hashCode()) + ".jsa").toAbsolutePath();
    }

    /** This JVM's class path with absolute entries (the daemon runs in the data directory). */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(new File(e).getAbsolutePath());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The reason a daemon logged for not starting, as ": REASON", or empty. */
    private static String reason(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                int at = lines.get(i).indexOf(LocalDaemon.CANNOT_START);
                if (at >= 0) {
                    return ": " + lines.get(i).substring(at + LocalDaemon.CANNOT_START.length());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no reason then
        }
        return "";
    }
}
