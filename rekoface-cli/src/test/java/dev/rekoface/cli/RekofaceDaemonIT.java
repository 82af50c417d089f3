package dev.rekoface.cli;

import static dev.rekoface.cli.CliRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background local stack (the daemon) of the built {@code target/rekoface.jar}, run as a user runs it: each test
 * uses its own data directory and stops every daemon it started (and kills any left) afterwards.
 */
class RekofaceDaemonIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PID = Pattern.compile("pid (\\d+)");
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    Path dir;

    private final List<Path> dataDirs = new ArrayList<>();
    private final List<Long> pids = new ArrayList<>();

    /** Stops the daemon of every data directory used, then kills any process a test saw that is still there. */
    @AfterEach
    void stopDaemons() {
        for (Path d : dataDirs) {
            DaemonState s = DaemonState.read(d);
            if (s != null) {
                pids.add(s.pid());
            }
            try {
                Daemon.stop(d);
            } catch (RuntimeException e) {
                // killed below
            }
        }
        for (long pid : pids) {
            ProcessHandle.of(pid).filter(p -> p.info().commandLine().map(c -> c.contains("LocalDaemon")).orElse(false))
                .ifPresent(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
        }
    }

    private Path data(String name) {
        Path d = dir.resolve(name);
        dataDirs.add(d);
        return d;
    }

    /** Runs the jar with {@code --data-dir data} and the arguments, {@code dir/home} as its home. */
    private CliRun jar(Path data, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        return java(List.of(), all);
    }

    private CliRun java(List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("rekoface.jar", "target/rekoface.jar"));
        assertThat(jar).as("the runnable jar, built by mvn package").exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.home=" + dir.resolve("home")));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(args);
        int n = RUNS.incrementAndGet();
        Path out = dir.resolve("out-" + n + ".txt");
        Path err = dir.resolve("err-" + n + ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("AWS_ACCESS_KEY_ID");
        pb.environment().remove("AWS_SECRET_ACCESS_KEY");
        pb.environment().put(Daemon.IDLE_ENV, CliRun.TEST_IDLE);
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("finished in time: " + cmd).isTrue();
        CliRun r = new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
        pidIn(r.err()).ifPresent(pids::add);
        return r;
    }

    private static Optional<Long> pidIn(String text) {
        Matcher m = PID.matcher(text);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private static DaemonState state(Path data) {
        DaemonState s = DaemonState.read(data);
        assertThat(s).as("the state file in " + data).isNotNull();
        return s;
    }

    private static void awaitGone(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> assertThat(p.onExit().orTimeout(60, TimeUnit.SECONDS).join().isAlive())
            .isFalse());
    }

    @Test
    void twoCommands_startTheDaemonOnce_theSecondUsesItsPid() throws Exception {
        Path data = data("d");
        CliRun created = jar(data, "collection", "create", "staff");
        assertThat(created.code()).as(created.err()).isZero();
        long pid = state(data).pid();
        assertThat(created.err()).startsWith("rekoface: using the local stack in " + data)
            .contains("(started in the background, pid " + pid + ", stops after " + CliRun.TEST_IDLE + " idle");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the daemon outlives the command").contains(true);

        CliRun listed = jar(data, "collection", "list");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("staff");
        assertThat(listed.err()).contains("(background process, pid " + pid + ",");
        assertThat(state(data).pid()).isEqualTo(pid);

        JsonNode status = JSON.readTree(jar(data, "local", "status", "--json").out());
        assertThat(status.get("running").asBoolean()).isTrue();
        assertThat(status.get("pid").asLong()).isEqualTo(pid);
        assertThat(status.get("rekognition").asString()).isEqualTo(state(data).rekognition().toString());
        assertThat(status.get("idleTimeout").asString()).as("from " + Daemon.IDLE_ENV).isEqualTo(CliRun.TEST_IDLE);
        assertThat(status.get("idleSecondsLeft").asLong()).isBetween(60L, 120L);

        CliRun stop = jar(data, "local", "stop");
        assertThat(stop.code()).as(stop.err()).isZero();
        assertThat(stop.out()).contains("stopped the local stack (pid " + pid + ")");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("gone when stop returns").isFalse();
        assertThat(data.resolve(DaemonState.FILE)).doesNotExist();
        assertThat(jar(data, "local", "status").out()).contains("not running");
    }

    @Test
    void killedDaemon_isReplacedByTheNextCommand_withTheDataKept() throws Exception {
        Path data = data("d");
        assertThat(jar(data, "collection", "create", "kept").code()).isZero();
        long first = state(data).pid();
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        awaitGone(first);
        assertThat(data.resolve(DaemonState.FILE)).as("a stale file, left by kill -9").exists();

        CliRun listed = jar(data, "collection", "list");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("kept");
        long second = state(data).pid();
        assertThat(second).isNotEqualTo(first);
        assertThat(listed.err()).contains("started in the background, pid " + second);
    }

    @Test
    void idleDaemon_stopsItself_andReleasesTheDataDirectory() throws Exception {
        Path data = data("d");
        CliRun r = jar(data, "--idle-timeout", "3s", "local", "start");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("started: pid ").contains("after 3s without requests");
        long pid = state(data).pid();
        awaitGone(pid);
        assertThat(data.resolve(DaemonState.FILE)).doesNotExist();
        assertThat(Files.readString(data.resolve(DaemonState.LOG))).contains("no request for 3s: stopping", "stopped");
        CliRun inside = jar(data, "--no-daemon", "collection", "list");
        assertThat(inside.code()).as("the data directory is free again: " + inside.err()).isZero();
    }

    @Test
    void daemonFiles_arePrivateToTheUser_andItListensOnLoopbackOnly() throws Exception {
        Path data = data("d");
        assertThat(jar(data, "collection", "create", "private").code()).isZero();
        assertThat(jar(data, "upload", sample(dir, "obama.jpg"), "s3://rekoface-samples/mine.jpg").code()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> all = Files.walk(data)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString())
            .contains(DaemonState.FILE, DaemonState.LOG, "mine.jpg").anyMatch(n -> n.contains("journal"));
        for (Path f : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                .isEqualTo("rw-------");
        }
        DaemonState s = state(data);
        List<InetAddress> outside = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
            .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
            .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).toList();
        for (URI endpoint : List.of(s.rekognition(), s.s3())) {
            assertThat(InetAddress.getByName(endpoint.getHost()).isLoopbackAddress()).as(endpoint.toString()).isTrue();
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.getPort()), 2000);
            }
            // bound to loopback, not to every interface: this machine's other addresses refuse the port
            org.assertj.core.api.Assumptions.assumeThat(outside).as("a non-loopback IPv4 address to try").isNotEmpty();
            for (InetAddress address : outside) {
                try (java.net.Socket socket = new java.net.Socket()) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> socket.connect(
                        new java.net.InetSocketAddress(address, endpoint.getPort()), 2000))
                        .as("%s on %s", endpoint, address).isInstanceOf(java.io.IOException.class);
                }
            }
        }
    }

    @Test
    void presignedLink_fromTheDefault_staysValidAfterTheCommand() throws Exception {
        Path data = data("d");
        CliRun r = jar(data, "presign", "s3://rekoface-samples/obama.jpg", "--expires", "15m");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).as("the idle time (" + CliRun.TEST_IDLE + ") is shorter than the link's 15m")
            .contains("stops after " + CliRun.TEST_IDLE + " without requests, before the link expires")
            .doesNotContain("stops when this command ends");
        HttpURLConnection c = (HttpURLConnection) URI.create(r.out().trim()).toURL().openConnection();
        assertThat(c.getResponseCode()).isEqualTo(200);
        try (InputStream in = c.getInputStream()) {
            assertThat(in.readAllBytes()).startsWith((byte) 0xFF, (byte) 0xD8);
        }
    }

    @Test
    void racingCommands_onAFreshDataDirectory_endWithOneDaemon() throws Exception {
        Path data = data("d");
        CompletableFuture<CliRun> a = CompletableFuture.supplyAsync(() -> call(data, "collection", "list"));
        CompletableFuture<CliRun> b = CompletableFuture.supplyAsync(() -> call(data, "collection", "list"));
        CliRun ra = a.join();
        CliRun rb = b.join();
        assertThat(ra.code()).as(ra.err()).isZero();
        assertThat(rb.code()).as(rb.err()).isZero();
        long pid = state(data).pid();
        assertThat(pidIn(ra.err())).contains(pid);
        assertThat(pidIn(rb.err())).contains(pid);
        assertThat(Stream.of(ra, rb).filter(r -> r.err().contains("started in the background"))).hasSize(1);
    }

    private CliRun call(Path data, String... args) {
        try {
            return jar(data, args);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void commandUsingTheDaemon_loadsNoClassOfTheStack() throws Exception {
        Path data = data("d");
        String image = sample(dir, "astronaut.png");
        assertThat(jar(data, "collection", "list").code()).isZero();
        Path classes = dir.resolve("classes.txt");
        CliRun r = java(List.of("-Xlog:class+load:file=" + classes), List.of("--data-dir", data.toString(), "detect",
            image));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 face in");
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).anyMatch(l -> l.contains("dev.rekoface.cli.Daemon "));
        assertThat(loaded).noneMatch(l -> l.contains("org.gaul.") || l.contains("dev.rekoface.engine.")
            || l.contains("dev.rekoface.testkit.") || l.contains("dev.rekoface.cli.LocalStack")
            || l.contains("org.eclipse.jetty"));
    }

    @Test
    void noDaemon_runsTheStackInsideTheCommand_andLeavesNothingRunning() throws Exception {
        Path data = data("d");
        CliRun r = jar(data, "--no-daemon", "detect", sample(dir, "astronaut.png"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 face in");
        assertThat(r.err()).isEqualTo("rekoface: using the local stack in " + data + " (Rekognition emulator with the "
            + "local face engine, S3 server; no AWS account)" + System.lineSeparator());
        assertThat(data.resolve(DaemonState.FILE)).doesNotExist();
        assertThat(jar(data, "local", "status").out()).contains("not running");
    }

    @Test
    void tour_withNoDaemon_runsEverySeed() throws Exception {
        CliRun r = java(List.of(), List.of("--no-daemon", "tour"));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("tour: 5 of 5 steps passed").doesNotContain("FAILED");
        assertThat(r.err()).doesNotContain("background");
    }
}
