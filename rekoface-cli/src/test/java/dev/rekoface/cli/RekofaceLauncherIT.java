package dev.rekoface.cli;

import static dev.rekoface.cli.CliRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.testkit.emulator.RekognitionEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built launcher {@code target/rekoface}, run as a user runs it with a fresh cache directory: its first command
 * makes the class-data-sharing archive, later ones use it, and the output is the same as {@code java -jar}'s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RekofaceLauncherIT {
    @TempDir
    static Path dir;

    private static RekognitionEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = RekognitionEmulator.builder().logRequests(false).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    /** Runs a command in {@code dir} with {@code dir/home} as HOME and {@code dir/cache} as XDG_CACHE_HOME. */
    private static CliRun run(List<String> command) throws IOException, InterruptedException {
        return run(command, null);
    }

    /** As {@link #run(List)}, with REKOFACE_JAVA_OPTS set to {@code javaOpts} when not null. */
    private static CliRun run(List<String> command, String javaOpts) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("HOME", dir.resolve("home").toString());
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("AWS_ACCESS_KEY_ID");
        pb.environment().remove("AWS_SECRET_ACCESS_KEY");
        pb.environment().remove("REKOFACE_JAVA_OPTS");
        if (javaOpts != null) {
            pb.environment().put("REKOFACE_JAVA_OPTS", javaOpts);
        }
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished in time: " + command).isTrue();
        return new CliRun(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
            Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static CliRun launcher(String... args) throws IOException, InterruptedException {
        return launcherWith(null, args);
    }

    private static CliRun launcherWith(String javaOpts, String... args) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("rekoface.launcher", "target/rekoface"));
        assertThat(script).as("the launcher, copied beside the jar by mvn package").exists().isExecutable();
        List<String> cmd = new ArrayList<>(List.of(script.toString()));
        cmd.addAll(List.of(args));
        return run(cmd, javaOpts);
    }

    private static CliRun javaJar(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", System.getProperty("rekoface.jar", "target/rekoface.jar")));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static List<Path> archives() throws IOException {
        Path cache = dir.resolve("cache/rekoface");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    @Test
    @Order(1)
    void launcher_firstRunMakesTheArchive_secondUsesIt_outputAsJavaJar() throws Exception {
        String image = sample(dir, "astronaut.png");
        String endpoint = emulator.endpoint().toString();
        assertThat(archives()).isEmpty();

        CliRun first = launcher("--endpoint", endpoint, "detect", image);
        assertThat(first.code()).as(first.err()).isZero();
        List<Path> made = archives();
        assertThat(made).as("the archive made by the first run").hasSize(1);
        assertThat(made.get(0).getFileName().toString()).startsWith("rekoface-").endsWith(".jsa");
        assertThat(Files.size(made.get(0))).isPositive();
        long modified = Files.getLastModifiedTime(made.get(0)).toMillis();

        CliRun second = launcher("--endpoint", endpoint, "detect", image);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(archives()).as("the second run reuses the archive").containsExactlyElementsOf(made);
        assertThat(Files.getLastModifiedTime(made.get(0)).toMillis()).isEqualTo(modified);
        // -Xshare:auto would run silently without an archive the JVM rejects; -Xshare:on fails instead
        CliRun shared = launcherWith("-Xshare:on", "--endpoint", endpoint, "detect", image);
        assertThat(shared.code()).as("the archive is usable: " + shared.err()).isZero();
        assertThat(shared.out()).isEqualTo(second.out());

        CliRun plain = javaJar("--endpoint", endpoint, "detect", image);
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(first.out()).contains("1 face in " + image).isEqualTo(second.out()).isEqualTo(plain.out());
        assertThat(first.err()).isEqualTo(second.err()).isEqualTo(plain.err())
            .isEqualTo("rekoface: using Rekognition at " + endpoint + System.lineSeparator());
    }

    @Test
    void launcher_help_listsTheCommands_asJavaJar() throws Exception {
        CliRun help = launcher("--help");
        assertThat(help.code()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: rekoface").contains("detect", "compare", "tour");
        assertThat(help.err()).isEmpty();
        CliRun plain = javaJar("--help");
        assertThat(help.out()).isEqualTo(plain.out());
    }

    @Test
    void launcher_badUsage_exitsTwo() throws Exception {
        CliRun r = launcher("detect", dir.resolve("missing.jpg").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("rekoface: ").doesNotContain("Exception");
    }
}
