package dev.rekoface.benchmarks.cli;

import dev.rekoface.benchmarks.Args;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whole-process wall time of one-shot {@code rekoface} commands against one running standalone emulator, next to the
 * AWS CLI's {@code detect-faces} on the same endpoint and image: runs, interleaved, {@code --runs} times each (7 by
 * default) the launcher's {@code --endpoint URL detect astronaut.png}, the same through {@code java -jar}, the AWS CLI,
 * the launcher's {@code --help}, and the launcher's {@code detect} on the local default (no {@code --endpoint}) with
 * its background local stack running; prints each time, the medians and the ratio rekoface / aws. The launcher's first
 * run (which makes its class-data-sharing archive, in a fresh cache directory) is timed apart, and so is the first
 * command on the local default, which starts the background stack: once for the jar's very first daemon (which then
 * writes its own archive), then {@code --daemon-starts} times (3 by default) in a new data directory and as many on an
 * existing one, each stopped after. Not a test: nothing is asserted; the goals are printed beside the numbers.
 *
 * <p>Run from the repository root after {@code mvn -B -q package -DskipTests}:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.cli.CliStartup [--runs 7]
 * [--daemon-starts 3] [--launcher rekoface-cli/target/rekoface] [--emulator rekoface-testkit/target/rekoface-emulator.jar]}.
 */
public final class CliStartup {
    /** The launcher's detect on the local default, its background stack running. */
    private static final String DAEMON_DETECT = "rekoface detect (local default)";

    private CliStartup() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --runs N}, {@code --daemon-starts N}, {@code --launcher PATH}, {@code --emulator PATH},
     *     {@code --baseline PATH} (an earlier build's launcher, timed interleaved with this one)
     * @throws Exception when a command cannot be started or fails
     */
    public static void main(String[] args) throws Exception {
        int runs = Args.intArg(args, "--runs", 7);
        int daemonStarts = Args.intArg(args, "--daemon-starts", 3);
        Path launcher = Path.of(Args.strArg(args, "--launcher", "rekoface-cli/target/rekoface")).toAbsolutePath();
        Path jar = launcher.resolveSibling("rekoface.jar");
        Path emulatorJar = Path.of(Args.strArg(args, "--emulator", "rekoface-testkit/target/rekoface-emulator.jar"));
        String baselineArg = Args.strArg(args, "--baseline", "");
        Path baseline = baselineArg.isEmpty() ? null : Path.of(baselineArg).toAbsolutePath();
        if (baseline != null && !Files.isRegularFile(baseline)) {
            throw new IllegalArgumentException("--baseline " + baseline + " does not exist: give the rekoface launcher of"
                + " an earlier build (e.g. a git worktree of it built with mvn -B -q package -DskipTests)");
        }
        for (Path required : List.of(launcher, jar, emulatorJar)) {
            if (!Files.isRegularFile(required)) {
                // otherwise a missing emulator jar shows only as "the emulator stopped before it was ready"
                throw new IllegalArgumentException(required.toAbsolutePath() + " does not exist: run from the repository"
                    + " root after mvn -B -q package -DskipTests, or pass --launcher / --emulator");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path work = Files.createTempDirectory("rekoface-cli-startup");
        Path image = work.resolve("astronaut.png");
        Files.write(image, Fixtures.image("astronaut.png").bytes());
        Path cache = work.resolve("cache");
        Path data = work.resolve("data");
        Path baselineCache = work.resolve("cache-baseline");

        Process emulator = new ProcessBuilder(java, "-jar", emulatorJar.toString(), "--port", "0")
            .redirectErrorStream(true).start();
        try {
            String endpoint = awaitEndpoint(emulator);
            System.out.println("emulator: " + endpoint + "; image: astronaut.png (" + Files.size(image) + " bytes); "
                + runs + " runs each, interleaved; java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("rekoface detect (launcher)", List.of(launcher.toString(), "--endpoint", endpoint, "detect",
                image.toString()));
            commands.put("java -jar rekoface.jar detect", List.of(java, "-jar", jar.toString(), "--endpoint", endpoint,
                "detect", image.toString()));
            commands.put("aws rekognition detect-faces", List.of("aws", "rekognition", "detect-faces", "--image-bytes",
                "fileb://" + image, "--endpoint-url", endpoint, "--region", "us-east-1"));
            commands.put("rekoface --help (launcher)", List.of(launcher.toString(), "--help"));
            commands.put(DAEMON_DETECT, List.of(launcher.toString(), "--data-dir", data.toString(), "detect",
                image.toString()));
            if (baseline != null) {
                // an earlier build's launcher, interleaved; a cache of its own, as each launcher drops others' archives
                commands.put("baseline: rekoface detect", List.of(baseline.toString(), "--endpoint", endpoint, "detect",
                    image.toString()));
                commands.put("baseline: rekoface --help", List.of(baseline.toString(), "--help"));
                time(commands.get("baseline: rekoface --help"), work, baselineCache);   // its archive, untimed
            }

            double first = time(commands.get("rekoface detect (launcher)"), work, cache);
            System.out.printf(Locale.ROOT, "launcher's first run (makes the archive): %.2f s%n", first);
            time(commands.get("aws rekognition detect-faces"), work, cache);   // the AWS CLI's first run, untimed
            // the very first daemon of this jar: no class-data-sharing archive yet; it writes one once quiet
            List<String> detectFresh0 = List.of(launcher.toString(), "--data-dir", work.resolve("fresh-0").toString(),
                "detect", image.toString());
            double veryFirst = time(detectFresh0, work, cache);
            awaitDaemonArchive(cache.resolve("rekoface"));
            time(List.of(launcher.toString(), "--data-dir", work.resolve("fresh-0").toString(), "local", "stop"), work,
                cache);
            double[] starts = new double[daemonStarts];
            for (int i = 0; i < daemonStarts; i++) {
                Path fresh = work.resolve("fresh-" + (i + 1));
                starts[i] = time(List.of(launcher.toString(), "--data-dir", fresh.toString(), "detect", image.toString()),
                    work, cache);
                time(List.of(launcher.toString(), "--data-dir", fresh.toString(), "local", "stop"), work, cache);
            }
            double[] restarts = new double[daemonStarts];
            for (int i = 0; i < daemonStarts; i++) {
                restarts[i] = time(commands.get(DAEMON_DETECT), work, cache);
                time(List.of(launcher.toString(), "--data-dir", data.toString(), "local", "stop"), work, cache);
            }
            time(commands.get(DAEMON_DETECT), work, cache);   // starts the background stack of the timed runs, untimed
            Map<String, double[]> times = new LinkedHashMap<>();
            commands.keySet().forEach(k -> times.put(k, new double[runs]));
            for (int i = 0; i < runs; i++) {
                for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                    times.get(c.getKey())[i] = time(c.getValue(), work,
                        c.getKey().startsWith("baseline:") ? baselineCache : cache);
                }
            }
            for (Map.Entry<String, double[]> t : times.entrySet()) {
                System.out.printf(Locale.ROOT, "%-32s median %.3f s  runs %s%n", t.getKey(), median(t.getValue()),
                    format(t.getValue()));
            }
            System.out.printf(Locale.ROOT, "first command on the local default, the very first daemon of the jar (no "
                + "archive yet, new data directory): %.2f s%n", veryFirst);
            System.out.printf(Locale.ROOT, "%-32s median %.3f s  runs %s%n", "first command, new data dir", median(starts),
                format(starts));
            System.out.printf(Locale.ROOT, "%-32s median %.3f s  runs %s%n", "first command, existing data dir",
                median(restarts), format(restarts));
            double firstLocal = Math.max(median(starts), median(restarts));
            double later = median(times.get(DAEMON_DETECT));
            System.out.printf(Locale.ROOT, "local default: first command (starts the background stack) median %.2f s "
                + "(goal <= 4.00 s: %s); later commands median %.3f s (goal <= 1.000 s: %s)%n", firstLocal,
                firstLocal <= 4.0 ? "met" : "not met", later, later <= 1.0 ? "met" : "not met");
            double reko = median(times.get("rekoface detect (launcher)"));
            double aws = median(times.get("aws rekognition detect-faces"));
            double help = median(times.get("rekoface --help (launcher)"));
            System.out.printf(Locale.ROOT, "ratio rekoface detect / aws detect-faces (medians): %.2f (goal <= 1.00: %s)%n",
                reko / aws, reko <= aws ? "met" : "not met");
            System.out.printf(Locale.ROOT, "ratio java -jar detect / aws detect-faces (medians): %.2f%n",
                median(times.get("java -jar rekoface.jar detect")) / aws);
            System.out.printf(Locale.ROOT, "rekoface --help median %.3f s (goal <= 0.400 s: %s)%n", help,
                help <= 0.4 ? "met" : "not met");
            if (baseline != null) {
                System.out.printf(Locale.ROOT, "baseline %s: --help median %.3f s, detect median %.3f s (this build: %.3f s,"
                    + " %.3f s)%n", baseline, median(times.get("baseline: rekoface --help")),
                    median(times.get("baseline: rekoface detect")), help, reko);
            }
        } finally {
            try {
                time(List.of(launcher.toString(), "--data-dir", data.toString(), "local", "stop"), work, cache);
            } finally {
                emulator.destroy();
            }
            emulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Waits (up to a minute) for the daemon's class-data-sharing archive, written once it has been quiet for 5 s. */
    private static void awaitDaemonArchive(Path cacheDir) throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (Files.isDirectory(cacheDir)) {
                try (java.util.stream.Stream<Path> files = Files.list(cacheDir)) {
                    if (files.anyMatch(f -> f.getFileName().toString().matches("daemon-[0-9a-f]+\\.jsa"))) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        System.out.println("(the daemon wrote no class-data-sharing archive within a minute)");
    }

    /** Reads the emulator's output until its "ready" line and returns the URL it names. */
    private static String awaitEndpoint(Process emulator) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            int at = line.indexOf("ready: ");
            if (at >= 0) {
                String url = line.substring(at + "ready: ".length()).trim();
                Thread drain = new Thread(() -> {
                    try {
                        while (r.readLine() != null) {
                            // keep the emulator's output pipe empty
                        }
                    } catch (IOException ignored) {
                        // the emulator stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return url;
            }
        }
        throw new IllegalStateException("the emulator stopped before it was ready");
    }

    /** Runs a command to its end and returns its wall time in seconds; fails if it exits non-zero. */
    private static double time(List<String> command, Path work, Path cache) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(work.resolve("err.txt").toFile());
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().put("AWS_ACCESS_KEY_ID", "local");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        pb.environment().remove("AWS_PROFILE");
        // a background stack left by a failed run stops on its own
        pb.environment().put("REKOFACE_DAEMON_IDLE", "10m");
        long start = System.nanoTime();
        Process p = pb.start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(command + " exited " + code + ": "
                + Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8));
        }
        return seconds;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String format(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(String.format(Locale.ROOT, "%.2f", v));
        }
        return String.join(" ", out);
    }
}
