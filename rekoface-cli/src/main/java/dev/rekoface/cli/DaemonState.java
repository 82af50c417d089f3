package dev.rekoface.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state file of the local-stack daemon, {@value #FILE} in the data directory: how later commands find the
 * running daemon (its pid, endpoints, the jar it runs, when it started and when it last served a request). A flat JSON
 * object written by the daemon (private to the user, replaced atomically) and read by every command with a small
 * parser of its own, so that a command finding its daemon loads no JSON library.
 *
 * @param pid the daemon's process id
 * @param processStart the process's start time (epoch ms, as the operating system reports it), to tell a reused pid
 * @param nonce a random value from the command that started it, by which that command recognises its daemon
 * @param rekognition the Rekognition endpoint
 * @param s3 the S3 endpoint
 * @param stamp the version and jar stamp of the code it runs ({@link #codeStamp()})
 * @param started when it started serving (epoch ms)
 * @param lastActivity when it last saw a request, or a command touched the file to say it is about to send one (epoch ms)
 * @param idleTimeout how long it stays up without a request
 */
record DaemonState(long pid, long processStart, String nonce, URI rekognition, URI s3, String stamp, long started,
                   long lastActivity, Duration idleTimeout) {
    /** The state file's name in the data directory. */
    static final String FILE = "daemon.json";
    /** The daemon's log file in the data directory (its standard output and error). */
    static final String LOG = "daemon.log";
    /** The lock file serialising the commands that start a daemon. */
    static final String START_LOCK = "daemon-start.lock";

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+))");

    /** Returns the same state with another last-activity time. */
    DaemonState withLastActivity(long millis) {
        return new DaemonState(pid, processStart, nonce, rekognition, s3, stamp, started, millis, idleTimeout);
    }

    /** Returns when it will stop if no request comes (epoch ms). */
    long idleDeadline() {
        return lastActivity + idleTimeout.toMillis();
    }

    /** Returns the state as a JSON object. */
    String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", pid);
        m.put("processStart", processStart);
        m.put("nonce", nonce);
        m.put("rekognition", rekognition.toString());
        m.put("s3", s3.toString());
        m.put("stamp", stamp);
        m.put("started", started);
        m.put("lastActivity", lastActivity);
        m.put("idleTimeoutMillis", idleTimeout.toMillis());
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> {
            b.append(b.length() == 1 ? "\n  " : ",\n  ").append('"').append(k).append("\": ");
            if (v instanceof String s) {
                b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                b.append(v);
            }
        });
        return b.append("\n}\n").toString();
    }

    /**
     * Parses a state file's text.
     *
     * @param text the JSON
     * @return the state, or null when a field is missing or malformed (a damaged file is a stale one)
     */
    static DaemonState parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(text);
        while (matcher.find()) {
            String v = matcher.group(2) != null ? matcher.group(2).replaceAll("\\\\(.)", "$1") : matcher.group(3);
            m.put(matcher.group(1), v);
        }
        try {
            return new DaemonState(Long.parseLong(m.get("pid")), Long.parseLong(m.get("processStart")),
                m.get("nonce"), URI.create(m.get("rekognition")), URI.create(m.get("s3")), m.get("stamp"),
                Long.parseLong(m.get("started")), Long.parseLong(m.get("lastActivity")),
                Duration.ofMillis(Long.parseLong(m.get("idleTimeoutMillis"))));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads the state file of a data directory.
     *
     * @param dataDir the data directory
     * @return the state, or null when there is no readable, well-formed file
     */
    static DaemonState read(Path dataDir) {
        try {
            Path file = dataDir.resolve(FILE);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !ownedByUser(file)) {
                // a link, or a file another user wrote (a shared data directory): never trusted
                return null;
            }
            DaemonState s = parse(Files.readString(file, StandardCharsets.UTF_8));
            if (s == null || !loopback(s.rekognition()) || !loopback(s.s3())) {
                return null;
            }
            // a command about to use the daemon touches the file: that counts as a request
            long touched = Files.getLastModifiedTime(file).toMillis();
            return touched > s.lastActivity() ? s.withLastActivity(touched) : s;
        } catch (IOException | RuntimeException e) {
            // missing (NoSuchFileException), unreadable or unparsable: no daemon recorded
            return null;
        }
    }

    /** Whether the file belongs to the user running this process. */
    private static boolean ownedByUser(Path file) throws IOException {
        return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }

    /** Whether an endpoint names this machine's loopback interface, as a daemon's always do. */
    static boolean loopback(URI endpoint) {
        String host = endpoint == null ? null : endpoint.getHost();
        return host != null && ("localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host)
            || "::1".equals(host));
    }

    /**
     * Writes the state file, readable by the user only, replacing the old one atomically (a reader never sees half).
     *
     * @param dataDir the data directory
     * @throws IOException if it cannot be written
     */
    void write(Path dataDir) throws IOException {
        Path tmp = dataDir.resolve(FILE + "." + pid + ".tmp");
        Files.deleteIfExists(tmp);
        Files.writeString(Private.create(tmp), toJson(), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Returns the stamp of the running code: its version and, for each jar on the class path, its name, size and
     * modification time. A rebuilt or other jar has another stamp, so its commands replace a daemon of the old one.
     */
    static String codeStamp() {
        StringBuilder b = new StringBuilder();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            java.io.File f = new java.io.File(entry);
            if (f.isFile()) {
                b.append(f.getAbsolutePath()).append(':').append(f.length()).append(':').append(f.lastModified()).append(';');
            }
        }
        String version = RekofaceCli.class.getAnnotation(picocli.CommandLine.Command.class).version()[0];
        return version.replace(' ', '-') + "-" + Integer.toHexString(b.toString().hashCode());
    }
}
