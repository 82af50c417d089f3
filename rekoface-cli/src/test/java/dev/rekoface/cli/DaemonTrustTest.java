package dev.rekoface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a command trusts a recorded daemon: its process must carry the state's nonce, its endpoints must be loopback. */
class DaemonTrustTest {
    private static final URI LOCAL = URI.create("http://localhost:4599");
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static DaemonState state(long pid, long processStart, String nonce, URI endpoint) {
        long now = System.currentTimeMillis();
        return new DaemonState(pid, processStart, nonce, endpoint, endpoint, DaemonState.codeStamp(), now, now,
            Duration.ofHours(1));
    }

    /** A live process whose command line carries the given word. */
    private long sleeperWith(String word) throws Exception {
        process = new ProcessBuilder("sh", "-c", "sleep 30", word).start();
        return process.pid();
    }

    @Test
    void alive_processCarriesTheNonce_isTheDaemon_evenWhenItsStartTimeDiffers() throws Exception {
        long pid = sleeperWith("nonce-4f1c");
        assertThat(Daemon.alive(state(pid, 1L, "nonce-4f1c", LOCAL))).as("a clock step moved the start time").isTrue();
    }

    @Test
    void alive_anotherProcessOnTheRecordedPid_isNotTheDaemon() throws Exception {
        long pid = sleeperWith("something-else");
        long start = ProcessHandle.of(pid).orElseThrow().info().startInstant().orElseThrow().toEpochMilli();
        assertThat(Daemon.alive(state(pid, start, "nonce-4f1c", LOCAL))).as("a reused pid").isFalse();
        assertThat(Daemon.alive(state(pid, 0, "", LOCAL))).as("a state without nonce").isFalse();
    }

    @Test
    void read_endpointsNotOnLoopback_areNotTrusted(@TempDir Path dir) throws Exception {
        long self = ProcessHandle.current().pid();
        state(self, 0, "x", URI.create("http://192.0.2.7:4599")).write(dir);
        assertThat(DaemonState.read(dir)).isNull();
        state(self, 0, "x", URI.create("http://127.0.0.1:4599")).write(dir);
        assertThat(DaemonState.read(dir)).isNotNull();
    }

    @Test
    void read_stateFileThatIsALink_isNotTrusted(@TempDir Path tmp) throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        state(ProcessHandle.current().pid(), 0, "x", LOCAL).write(elsewhere);
        Path dir = Files.createDirectories(tmp.resolve("data"));
        Files.createSymbolicLink(dir.resolve(DaemonState.FILE), elsewhere.resolve(DaemonState.FILE));
        assertThat(DaemonState.read(elsewhere)).isNotNull();
        assertThat(DaemonState.read(dir)).isNull();
    }
}
