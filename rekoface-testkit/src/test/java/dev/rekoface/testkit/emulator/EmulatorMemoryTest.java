package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.rekoface.testkit.fixtures.HostileImages;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;

/**
 * Decompression bombs against the standalone emulator in its own JVM (the jar's main class, its default face engine
 * on, a heap of 2 GB so that the heap limit is not what keeps it small): eight 20000 x 20000 PNGs at once, three
 * times over, must each get the service's answer while the process's peak resident memory ({@code VmHWM} in
 * {@code /proc/<pid>/status}, which no timing can miss) stays under 1 GB.
 */
class EmulatorMemoryTest {
    private static final long ONE_GB_KB = 1024L * 1024;
    private static final Pattern READY = Pattern.compile("rekoface emulator ready: (http://\\S+)");

    @TempDir
    Path dir;

    @Test
    void detectFaces_eightBombsAtOnce_allAnsweredImageTooLarge_andPeakResidentMemoryUnder1Gb() throws Exception {
        assumeThat(Path.of("/proc/self/status")).as("Linux /proc").exists();
        Path out = dir.resolve("emulator.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
            "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(),
            "--port", "0", "--quiet")
            .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            URI endpoint = awaitEndpoint(p, out);
            byte[] bomb = HostileImages.blackPng(20000, 20000);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try (RekognitionClient sdk = EmulatorImageLimitsTest.client(endpoint, Duration.ofSeconds(120))) {
                for (int round = 0; round < 3; round++) {
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Throwable>> answers = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        answers.add(pool.submit(() -> {
                            go.await();
                            try {
                                sdk.detectFaces(r -> r.image(EmulatorImageLimitsTest.image(bomb)));
                                return null;
                            } catch (RuntimeException e) {
                                return e;
                            }
                        }));
                    }
                    go.countDown();
                    for (Future<Throwable> a : answers) {
                        assertThat(a.get(3, TimeUnit.MINUTES)).as("answer of round " + round)
                            .isInstanceOfSatisfying(ImageTooLargeException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(p.isAlive()).as("emulator still running").isTrue();
            long peakKb = statusKb(p.pid(), "VmHWM");
            assertThat(peakKb).as("peak resident memory of the emulator, kB (now %d kB)", statusKb(p.pid(), "VmRSS"))
                .isPositive().isLessThan(ONE_GB_KB);
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static URI awaitEndpoint(Process p, Path out) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
            Matcher m = READY.matcher(text);
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (!p.isAlive()) {
                throw new AssertionError("the emulator exited with " + p.exitValue() + ": " + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the emulator did not start in 90 s: " + Files.readString(out, StandardCharsets.UTF_8));
    }

    private static long statusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError(field + " not found for process " + pid);
    }
}
