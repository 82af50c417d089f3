package dev.rekoface.cli;

import static dev.rekoface.cli.CliRun.run;
import static dev.rekoface.cli.CliRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local default in-process ({@code --no-daemon}): separate commands share state through the data directory, one
 * process at a time; and what a command on the default says when the data directory is held by another process.
 */
class EmbeddedDefaultTest {
    @TempDir
    Path dir;

    @Test
    void createIndexRecognize_asSeparateCommands_seeTheSameCollection() {
        String data = dir.resolve("data").toString();
        CliRun created = run("--no-daemon", "--data-dir", data, "collection", "create", "office");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.err()).contains("rekoface: using the local stack in " + data);

        CliRun indexed = run("--no-daemon", "index", sample(dir, "Werner2.jpeg"), "--collection", "office", "--external-id", "werner",
            "--data-dir", data);
        assertThat(indexed.code()).as(indexed.err()).isZero();
        assertThat(indexed.out()).contains("as werner in office");

        CliRun recognized = run("--no-daemon", "--data-dir", data, "recognize", sample(dir, "Werner3.jpeg"), "--collection", "office");
        assertThat(recognized.code()).as(recognized.err()).isZero();
        assertThat(recognized.out()).startsWith("recognized werner");

        CliRun s3 = run("--no-daemon", "--data-dir", data, "detect", "s3://" + LocalStack.SAMPLES_BUCKET + "/astronaut.png");
        assertThat(s3.out()).startsWith("1 face in s3://rekoface-samples/astronaut.png");
    }

    @Test
    void aSecondProcessOnTheSameDataDirectory_withNoDaemon_isToldToUseTheEndpoint() {
        Path data = dir.resolve("shared");
        try (LocalStack running = LocalStack.start(data)) {
            CliRun r = run("--no-daemon", "--data-dir", data.toString(), "collection", "list");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("in use by another rekoface process").contains("--endpoint");
            assertThat(running.emulator().counters().totalRequests()).isZero();
        }
    }

    @Test
    void theDefault_whenTheDataDirectoryIsHeld_saysWhyTheDaemonDidNotStart_andNamesItsLog() {
        Path data = dir.resolve("held");
        try (LocalStack running = LocalStack.start(data)) {
            CliRun r = run("--data-dir", data.toString(), "collection", "list");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.errLines()).as(r.err()).isOne();
            assertThat(r.err()).startsWith("rekoface: the local stack did not start in the background (exit 1): ")
                .contains("in use by another rekoface process").contains("--endpoint")
                .endsWith("its log: " + data.toAbsolutePath().resolve(DaemonState.LOG) + System.lineSeparator());
            assertThat(running.emulator().counters().totalRequests()).isZero();
            assertThat(data.resolve(DaemonState.FILE)).doesNotExist();
        }
    }

    @Test
    void idleTimeout_notADuration_isAUsageError_beforeAnyBackend() {
        Path data = dir.resolve("none");
        CliRun r = run("--data-dir", data.toString(), "--idle-timeout", "soon", "collection", "list");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'soon' is not a duration");
        assertThat(data).doesNotExist();
    }

    @Test
    void awsAndEndpointTogether_isAUsageError() {
        CliRun r = run("--aws", "--endpoint", "http://127.0.0.1:1", "collection", "list");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--aws and --endpoint");
    }
}
