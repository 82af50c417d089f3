package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.Operation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/** The standalone jar's flags. */
class EmulatorMainTest {

    private static RekognitionEmulator launch(ByteArrayOutputStream out, String... args) {
        EmulatorMain main = new EmulatorMain();
        new CommandLine(main).parseArgs(args);
        return main.launch(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void help_listsEveryFlag() {
        StringWriter text = new StringWriter();
        int code = new CommandLine(new EmulatorMain()).setOut(new PrintWriter(text)).execute("--help");
        assertThat(code).isZero();
        assertThat(text.toString()).contains("--port", "--catalogue", "--s3-endpoint", "--data-dir", "--tps", "--latency-ms",
            "--error-rate", "--reset-rate", "--lost-response-rate", "--operations", "--seed", "SIMULATED", "--recover-journal", "--to");
    }

    @Test
    void flags_quotaLatencyAndOperations_configureTheEmulator() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RekognitionEmulator emu = launch(out, "--port", "0", "--quiet", "--tps", "50", "--latency-ms", "200",
            "--error-rate", "0.1", "--operations", "CompareFaces,detect-faces")) {
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("rekoface emulator ready: " + emu.endpoint());
            FaultProfile p = emu.faults(Operation.COMPARE_FACES);
            assertThat(p.tpsQuota()).isEqualTo(50);
            assertThat(p.latency().toMillis()).isEqualTo(200);
            assertThat(p.internalErrorRate()).isEqualTo(0.1);
            assertThat(emu.faults(Operation.DETECT_FACES).tpsQuota()).isEqualTo(50);
            assertThat(emu.faults(Operation.LIST_COLLECTIONS).tpsQuota()).isZero();
        }
    }

    @Test
    void flags_dataDir_persists(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RekognitionEmulator emu = launch(out, "--port", "0", "--quiet", "--data-dir", dir.toString());
             RekognitionClient sdk = EmulatorPersistenceTest.client(emu.endpoint())) {
            sdk.createCollection(r -> r.collectionId("from-cli"));
        }
        assertThat(Files.exists(dir.resolve(Journal.FILE))).isTrue();
        try (RekognitionEmulator emu = launch(out, "--port", "0", "--quiet", "--data-dir", dir.toString());
             RekognitionClient sdk = EmulatorPersistenceTest.client(emu.endpoint())) {
            assertThat(sdk.listCollections().collectionIds()).containsExactly("from-cli");
        }
    }

    @Test
    void flags_unknownOperation_isRefused() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new EmulatorMain()).setErr(new PrintWriter(err)).execute("--port", "0", "--operations", "Nope", "--tps", "1");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("unknown operation 'Nope'");
    }
}
