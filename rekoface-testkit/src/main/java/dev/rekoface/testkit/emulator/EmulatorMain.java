package dev.rekoface.testkit.emulator;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceException;
import dev.rekoface.Operation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The standalone emulator: {@code java -jar rekoface-emulator.jar --port 4566}. Prints its endpoint, logs one line per
 * request, and runs until killed. {@code --help} lists the flags. With {@code --recover-journal --data-dir DIR --to
 * NEWDIR} it does not start but copies the intact records of a damaged journal into a new data directory.
 */
@Command(name = "rekoface-emulator", mixinStandardHelpOptions = true, version = "rekoface-emulator 0.1.0",
    description = {"A local Amazon Rekognition speaking the AWS JSON 1.1 protocol (signatures are not checked).",
        "Point any SDK or the AWS CLI at it: aws rekognition list-collections --endpoint-url http://localhost:4566",
        "Faces come from the face catalogue; other images go to the local face engine (pure Java: detection,",
        "descriptors, emotions), or get a SIMULATED face with --no-engine."},
    sortOptions = false)
public final class EmulatorMain implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 4566;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host = "127.0.0.1";

    @Option(names = "--region", description = "Region written into collection ARNs (default: ${DEFAULT-VALUE}).")
    String region = "us-east-1";

    @Option(names = "--catalogue", paramLabel = "FILE", description = "Face catalogue JSON of your own (default: the fixture pack's).")
    Path catalogue;

    @Option(names = "--no-engine", description = "Do not load the face engine: images the catalogue does not know get a SIMULATED face (faster start).")
    boolean noEngine;

    @Option(names = "--force-engine", description = "Use the face engine for every image, the catalogue's included.")
    boolean forceEngine;

    @Option(names = "--no-simulated-faces", description = "With --no-engine: images the catalogue does not know have no face.")
    boolean noSimulated;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3-compatible endpoint for S3Object images (path style), e.g. http://localhost:9000.")
    URI s3Endpoint;

    @Option(names = "--s3-access-key", description = "Sign S3 reads with SigV4 using this access key (with --s3-secret-key).")
    String s3AccessKey;

    @Option(names = "--s3-secret-key", description = "Secret key for signing S3 reads.")
    String s3SecretKey;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep collections, faces and users here across restarts.")
    Path dataDir;

    @Option(names = "--recover-journal", description = {"Do not start: copy every intact record of the --data-dir journal "
        + "into the new directory --to, leaving --data-dir untouched, and say what was skipped."})
    boolean recoverJournal;

    @Option(names = "--to", paramLabel = "NEWDIR", description = "With --recover-journal: the new data directory (missing or empty).")
    Path recoverTo;

    @Option(names = "--tps", description = "TPS quota per operation (token bucket); beyond it requests are throttled. 0: none.")
    double tps;

    @Option(names = "--burst", description = "Token bucket size (default: the TPS quota).")
    int burst;

    @Option(names = "--throttle-code", description = "ProvisionedThroughputExceededException (default) or ThrottlingException.")
    String throttleCode = "ProvisionedThroughputExceededException";

    @Option(names = "--latency-ms", description = "Latency added to each accepted request, in ms.")
    long latencyMs;

    @Option(names = "--error-rate", description = "Share (0-1) of requests answered HTTP 500 InternalServerError.")
    double errorRate;

    @Option(names = "--reset-rate", description = "Share (0-1) of requests whose connection is closed without an answer.")
    double resetRate;

    @Option(names = "--lost-response-rate", description = "Share (0-1) of requests that take effect, then lose their answer.")
    double lostRate;

    @Option(names = "--operations", split = ",", paramLabel = "OP",
        description = "Apply --tps/--latency-ms/--*-rate only to these operations (e.g. CompareFaces,DetectFaces); default all.")
    List<String> operations = new ArrayList<>();

    @Option(names = "--seed", description = "Seed of the fault draws (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--quiet", description = "Do not log each request.")
    boolean quiet;

    /**
     * Runs the emulator until the process is stopped.
     *
     * @param args the flags; {@code --help} lists them
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
        }
        if (System.getProperty("org.slf4j.simpleLogger.showDateTime") == null) {
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        }
        int code = new CommandLine(new EmulatorMain()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Starts the emulator the flags describe and prints its endpoint. */
    RekognitionEmulator launch(java.io.PrintStream out) {
        FaultProfile.Builder fb = FaultProfile.builder().tpsQuota(tps).latency(Duration.ofMillis(latencyMs))
            .internalErrorRate(errorRate).connectionResetRate(resetRate).lostResponseRate(lostRate).throttleErrorCode(throttleCode);
        if (burst > 0) {
            fb.burst(burst);
        }
        FaultProfile profile = fb.build();
        RekognitionEmulator.Builder b = RekognitionEmulator.builder().port(port).host(host).region(region).seed(seed)
            .simulatedFallback(!noSimulated).logRequests(!quiet).faceEngine(!noEngine).forceEngine(forceEngine && !noEngine);
        if (catalogue != null) {
            b.catalogue(catalogue);
        }
        if (s3Endpoint != null) {
            b.s3Endpoint(s3Endpoint);
        }
        if (s3AccessKey != null || s3SecretKey != null) {
            if (s3AccessKey == null || s3SecretKey == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--s3-access-key and --s3-secret-key go together");
            }
            b.s3Credentials(s3AccessKey, s3SecretKey);
        }
        if (dataDir != null) {
            b.dataDir(dataDir);
        }
        if (operations.isEmpty()) {
            b.faults(profile);
        } else {
            for (String name : operations) {
                Operation op = Operation.find(name.trim()).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "unknown operation '" + name + "'; known: " + List.of(Operation.values())));
                b.faults(op, profile);
            }
        }
        RekognitionEmulator emu = b.start();
        out.println("rekoface emulator ready: " + emu.endpoint() + (host.equals("127.0.0.1") ? "" : " (listening on " + host + ")"));
        if (profile != FaultProfile.NONE && (tps > 0 || latencyMs > 0 || errorRate > 0 || resetRate > 0 || lostRate > 0)) {
            out.println("faults " + (operations.isEmpty() ? "for every operation" : "for " + operations).toLowerCase(Locale.ROOT) + ": " + profile);
        }
        out.flush();
        return emu;
    }

    /** Runs {@code --recover-journal}: copies the intact records into {@code --to} and prints the report. */
    int recover(java.io.PrintWriter out) {
        if (dataDir == null || recoverTo == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--recover-journal needs --data-dir DIR and --to NEWDIR");
        }
        JournalRecovery r = JournalRecovery.recover(dataDir, recoverTo);
        r.summary().forEach(out::println);
        out.flush();
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        if (recoverTo != null && !recoverJournal) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to goes with --recover-journal");
        }
        RekognitionEmulator emu;
        try {
            if (recoverJournal) {
                return recover(spec.commandLine().getOut());
            }
            emu = launch(System.out);
        } catch (RekofaceException e) {
            // a locked data directory, a damaged journal, a bad recovery target: one clear line, no stack trace
            spec.commandLine().getErr().println("rekoface-emulator: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return e instanceof InvalidArgumentException ? 2 : 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emu.close();
            stopped.countDown();
        }, "rekoface-emulator-shutdown"));
        stopped.await();
        return 0;
    }
}
