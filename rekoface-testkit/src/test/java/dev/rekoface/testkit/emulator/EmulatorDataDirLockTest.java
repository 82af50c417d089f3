package dev.rekoface.testkit.emulator;

import static dev.rekoface.testkit.emulator.EmulatorPersistenceTest.client;
import static dev.rekoface.testkit.emulator.EmulatorPersistenceTest.image;
import static dev.rekoface.testkit.emulator.EmulatorPersistenceTest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/** One emulator per data directory: a second one, in this JVM or another process, is refused until the first stops. */
class EmulatorDataDirLockTest {
    private static final String IN_USE = "is in use by another rekoface process";

    @TempDir
    Path tmp;

    /** A standalone emulator in its own JVM, on the test classpath. */
    record Child(Process process, Path out, Path err) {
        static Child start(Path workDir, String... args) throws IOException {
            return start(workDir, List.of(), args);
        }

        static Child start(Path workDir, List<String> jvmOptions, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
            cmd.addAll(jvmOptions);
            cmd.add(EmulatorMain.class.getName());
            cmd.addAll(List.of(args));
            Path out = Files.createTempFile(workDir, "child", ".out");
            Path err = Files.createTempFile(workDir, "child", ".err");
            Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
            return new Child(p, out, err);
        }

        /** Waits for the ready line and returns the endpoint. */
        URI awaitReady() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                    if (line.startsWith("rekoface emulator ready: ")) {
                        return URI.create(line.substring("rekoface emulator ready: ".length()).split(" ")[0]);
                    }
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the child emulator exited with " + process.exitValue() + ": " + stderr());
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new AssertionError("the child emulator did not start: " + stderr());
        }

        int awaitExit() throws Exception {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child emulator did not exit");
            }
            return process.exitValue();
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }
    }

    @Test
    void builder_dataDirOfARunningEmulator_isRefusedUntilItStops() throws Exception {
        Path dir = tmp.resolve("data");
        try (RekognitionEmulator first = start(dir); RekognitionClient sdk = client(first.endpoint())) {
            sdk.createCollection(r -> r.collectionId("first"));
            assertThatThrownBy(() -> start(dir)).isInstanceOfSatisfying(DataDirInUseException.class, e -> {
                assertThat(e.dataDir()).isEqualTo(dir);
                assertThat(e.getMessage()).contains("the data directory " + dir + " " + IN_USE, "--endpoint", "--data-dir");
            });
            // the refusal in this JVM kept the first emulator's OS lock: another process is refused too
            Child other = Child.start(tmp, "--port", "0", "--quiet", "--no-engine", "--data-dir", dir.toString());
            assertThat(other.awaitExit()).isEqualTo(1);
            assertThat(other.stderr()).contains(IN_USE);
            // and the first keeps its journal: what it writes now survives
            sdk.createCollection(r -> r.collectionId("after-refusals"));
        }
        try (RekognitionEmulator next = start(dir); RekognitionClient sdk = client(next.endpoint())) {
            assertThat(sdk.listCollections().collectionIds()).containsExactly("after-refusals", "first");
        }
    }

    @Test
    void main_dataDirHeldByAnotherProcess_isRefusedWithTheSameMessageAndFreedWhenItStops() throws Exception {
        Path dir = tmp.resolve("data");
        Child holder = Child.start(tmp, "--port", "0", "--quiet", "--no-engine", "--data-dir", dir.toString());
        try {
            holder.awaitReady();
            // the builder API in this JVM
            assertThatThrownBy(() -> start(dir)).isInstanceOf(DataDirInUseException.class).hasMessageContaining(IN_USE);
            // the standalone main in this JVM: one line, exit code 1
            StringWriter err = new StringWriter();
            // a main that starts runs until stopped: the timeout turns that into a failure instead of a hang
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new CommandLine(new EmulatorMain())
                .setErr(new PrintWriter(err)).execute("--port", "0", "--quiet", "--no-engine", "--data-dir", dir.toString()));
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("rekoface-emulator: " + new DataDirInUseException(dir).getMessage()
                + System.lineSeparator());
        } finally {
            holder.process().destroy(); // SIGTERM: the shutdown hook closes the emulator
            holder.awaitExit();
        }
        try (RekognitionEmulator next = start(dir)) {
            assertThat(next.dataDir()).contains(dir);
        }
    }

    @Test
    void kill9_ofTheHolder_freesTheDataDirAndLosesNoAcknowledgedWrite() throws Exception {
        Path dir = tmp.resolve("data");
        Child holder = Child.start(tmp, "--port", "0", "--quiet", "--no-engine", "--data-dir", dir.toString());
        List<String> acknowledged = new ArrayList<>();
        try (RekognitionClient sdk = client(holder.awaitReady())) {
            sdk.createCollection(r -> r.collectionId("people"));
            for (String name : List.of("family-1128316.jpg", "obama.jpg", "two_people.jpg", "Werner1.jpeg")) {
                sdk.indexFaces(r -> r.collectionId("people").image(image(name))).faceRecords()
                    .forEach(f -> acknowledged.add(f.face().faceId()));
            }
            assertThatThrownBy(() -> start(dir)).isInstanceOf(DataDirInUseException.class);
        } finally {
            holder.process().destroyForcibly(); // kill -9: no shutdown hook, no close
            holder.awaitExit();
        }
        assertThat(acknowledged).hasSizeGreaterThan(4);
        try (RekognitionEmulator next = start(dir); RekognitionClient sdk = client(next.endpoint())) {
            List<String> kept = sdk.listFaces(r -> r.collectionId("people").maxResults(4096)).faces().stream()
                .map(f -> f.faceId()).toList();
            assertThat(kept).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }

    @Test
    void close_releasesTheLock_soTheNextOneStarts() {
        Path dir = tmp.resolve("data");
        start(dir).close();
        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            assertThatThrownBy(() -> start(dir)).isInstanceOf(DataDirInUseException.class);
            assertThatThrownBy(() -> DataDirLock.acquire(dir)).isInstanceOf(DataDirInUseException.class);
        }
        start(dir).close();
    }

    @Test
    void start_portTaken_releasesTheDataDir() {
        Path dir = tmp.resolve("data");
        try (RekognitionEmulator first = RekognitionEmulator.builder().logRequests(false).start()) {
            assertThatThrownBy(() -> RekognitionEmulator.builder().port(first.port()).dataDir(dir).logRequests(false).start())
                .isInstanceOf(java.io.UncheckedIOException.class);
        }
        start(dir).close();
    }
}
