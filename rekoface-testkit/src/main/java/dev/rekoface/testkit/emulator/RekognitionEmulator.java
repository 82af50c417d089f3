package dev.rekoface.testkit.emulator;

import dev.rekoface.Operation;
import dev.rekoface.testkit.faces.CatalogueFaceSource;
import dev.rekoface.testkit.faces.FaceSource;
import dev.rekoface.testkit.faces.SimulatedFaceSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, stateful Amazon Rekognition: a real HTTP server speaking the service's AWS JSON 1.1 protocol, so that the
 * AWS SDK for Java v2, boto3 and the AWS CLI work against it with only the endpoint changed (signatures are not
 * checked).
 *
 * <pre>{@code
 * try (RekognitionEmulator emu = RekognitionEmulator.builder().start()) {
 *     RekognitionClient sdk = RekognitionClient.builder().endpointOverride(emu.endpoint())
 *         .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build();
 *     emu.setFaults(Operation.COMPARE_FACES, FaultProfile.builder().tpsQuota(50).latency(Duration.ofMillis(200)).build());
 *     ...
 *     long attempts = emu.counters().requests(Operation.COMPARE_FACES);
 * }
 * }</pre>
 *
 * <p>Faces come from a chain of {@link FaceSource}s: the face catalogue (the fixture pack's, or your own), any
 * sources you add, and last a {@linkplain SimulatedFaceSource simulated} fallback. Collections, faces and users live in
 * memory, or in a {@linkplain Builder#dataDir data directory} that survives restarts. Quotas and faults are set per
 * operation at any time ({@link #setFaults}). {@code GET /} answers 200 for health checks. Each request is logged on one
 * line (operation, status, latency) through SLF4J logger {@code dev.rekoface.testkit.emulator.requests}; payloads,
 * images, credentials and face vectors never are.
 *
 * <p>Thread-safe. {@link #close()} stops the server and closes the journal.
 */
public final class RekognitionEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RekognitionEmulator.class);

    private final EmulatorServer server;
    private final RekognitionService service;
    private final EmulatorCounters counters = new EmulatorCounters();
    private final FaultInjector faults;
    private final Path dataDir;

    private RekognitionEmulator(Builder b) throws IOException {
        this.dataDir = b.dataDir;
        this.faults = new FaultInjector(b.seed);
        List<FaceSource> chain = FaceLookup.chain(b.catalogue, b.faceEngine, b.forceEngine, b.sources, b.simulatedFallback);
        ImageResolver images = new ImageResolver(b.s3Endpoint, b.s3AccessKey, b.s3SecretKey, b.region);
        this.service = new RekognitionService(images, chain, b.describeCatalogueFaces, b.region, b.accountId);
        if (b.dataDir != null) {
            service.persistTo(b.dataDir);
        }
        for (Operation op : Operation.values()) {
            setFaults(op, b.faults.getOrDefault(op, b.allFaults));
        }
        try {
            this.server = new EmulatorServer(b.host, b.port, b.maxThreads, new EmulatorHttpHandler(service, faults, counters, b.logRequests));
        } catch (IOException e) {
            service.close(); // releases the data directory's lock
            throw e;
        }
        LOG.info("Rekognition emulator listening on {} (faces: {}; data dir: {}; S3: {})", server.endpoint(),
            service.faceSourceNames(), b.dataDir == null ? "none, in memory" : b.dataDir,
            b.s3Endpoint == null ? "none" : b.s3Endpoint);
    }

    /** Returns a builder with the defaults: random port on loopback, the fixture pack's catalogue, simulated fallback. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts an emulator with the defaults. */
    public static RekognitionEmulator start() {
        return builder().start();
    }

    /** Returns the endpoint to give clients, e.g. {@code http://localhost:40123}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Returns the port the server listens on. */
    public int port() {
        return server.port();
    }

    /** Returns the data directory, when the state is persisted. */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** Deletes every collection, face and user (recorded in the journal too when persistent). */
    public void reset() {
        service.reset();
    }

    /**
     * Sets the quota and faults of one operation, taking effect for the next request.
     *
     * @param op the operation
     * @param profile the profile ({@link FaultProfile#NONE} to clear)
     */
    public void setFaults(Operation op, FaultProfile profile) {
        faults.set(op, profile);
    }

    /**
     * Sets the same quota and faults for every operation (each operation gets its own token bucket, as the service's
     * quotas are per operation).
     *
     * @param profile the profile
     */
    public void setFaults(FaultProfile profile) {
        for (Operation op : Operation.values()) {
            setFaults(op, profile);
        }
    }

    /** Removes every quota and fault. */
    public void clearFaults() {
        setFaults(FaultProfile.NONE);
    }

    /** Returns the quota and faults of an operation. */
    public FaultProfile faults(Operation op) {
        return faults.get(op);
    }

    /** Returns the live counters: attempts seen by the server, throttled, faulted, per operation. */
    public EmulatorCounters counters() {
        return counters;
    }

    /** Sets every counter back to zero. */
    public void resetCounters() {
        counters.reset();
    }

    /** Stops the server (waiting at most a second for requests in flight) and closes the journal. */
    @Override
    public void close() {
        server.stop();
        service.close();
    }

    @Override
    public String toString() {
        return "RekognitionEmulator[" + server.endpoint() + "]";
    }

    RekognitionService service() {
        return service;
    }

    /** Builds and starts a {@link RekognitionEmulator}. Not thread-safe. */
    public static final class Builder {
        private int port;
        private String host;
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private CatalogueFaceSource catalogue;
        private boolean catalogueSet;
        private final List<FaceSource> sources = new ArrayList<>();
        private boolean simulatedFallback = true;
        private boolean describeCatalogueFaces = true;
        private boolean faceEngine;
        private boolean forceEngine;
        private URI s3Endpoint;
        private String s3AccessKey;
        private String s3SecretKey;
        private Path dataDir;
        private long seed = 42;
        private FaultProfile allFaults = FaultProfile.NONE;
        private final Map<Operation, FaultProfile> faults = new EnumMap<>(Operation.class);
        private int maxThreads = 256;
        private boolean logRequests = true;

        private Builder() {
        }

        /**
         * Sets the port (default 0: a free port).
         *
         * @param port 0-65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the address to listen on (default: loopback only; {@code 0.0.0.0} for every interface).
         *
         * @param host a host name or address
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets the region written into collection ARNs (default {@code us-east-1}).
         *
         * @param region e.g. {@code eu-west-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Sets the account id written into collection ARNs (default {@code 000000000000}).
         *
         * @param accountId twelve digits
         * @return this builder
         */
        public Builder accountId(String accountId) {
            if (accountId == null || !accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, got " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * Uses a face catalogue file of your own instead of the fixture pack's.
         *
         * @param file a catalogue in the fixture pack's schema
         * @return this builder
         */
        public Builder catalogue(Path file) {
            return catalogue(CatalogueFaceSource.fromFile(file));
        }

        /**
         * Uses a face catalogue (null: none).
         *
         * @param source the catalogue
         * @return this builder
         */
        public Builder catalogue(CatalogueFaceSource source) {
            this.catalogue = source;
            this.catalogueSet = true;
            return this;
        }

        /**
         * Adds a face source, asked after the catalogue and before the simulated fallback (for example a face
         * engine). Catalogue faces keep their catalogue truth but take the descriptor this source computes for the
         * same face, unless {@link #describeCatalogueFaces(boolean)} is off.
         *
         * @param source the source
         * @return this builder
         */
        public Builder addFaceSource(FaceSource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Uses the local face engine ({@link dev.rekoface.engine.FaceEngine}, pure Java: BlazeFace detection,
         * face descriptors and expressions) for every image the catalogue does not know, instead of a simulated face;
         * catalogue faces keep their hand-checked geometry and get engine descriptors, so both compare. Loading the
         * models takes about a second and 30 MB of heap; each new image costs a detection. Default off for tests (the
         * catalogue and simulated faces are instant and deterministic); the standalone jar turns it on.
         *
         * @param enabled true to use the engine
         * @return this builder
         */
        public Builder faceEngine(boolean enabled) {
            this.faceEngine = enabled;
            return this;
        }

        /**
         * Uses the face engine for every image, the catalogue's included (their hand-checked answers are ignored).
         *
         * @param enabled true to force the engine
         * @return this builder
         */
        public Builder forceEngine(boolean enabled) {
            this.forceEngine = enabled;
            return this;
        }

        /**
         * Whether images no source knows get a SIMULATED face (default true); without it they have no face.
         *
         * @param enabled true to simulate
         * @return this builder
         */
        public Builder simulatedFallback(boolean enabled) {
            this.simulatedFallback = enabled;
            return this;
        }

        /**
         * Whether catalogue faces take descriptors from the added sources (default true).
         *
         * @param enabled true to describe
         * @return this builder
         */
        public Builder describeCatalogueFaces(boolean enabled) {
            this.describeCatalogueFaces = enabled;
            return this;
        }

        /**
         * Reads {@code S3Object} images from an S3-compatible endpoint (path style), unsigned.
         *
         * @param endpoint e.g. {@code http://localhost:9000}
         * @return this builder
         */
        public Builder s3Endpoint(URI endpoint) {
            this.s3Endpoint = endpoint;
            return this;
        }

        /**
         * Signs S3 reads with SigV4 and these (dummy) credentials.
         *
         * @param accessKey the access key id
         * @param secretKey the secret key
         * @return this builder
         */
        public Builder s3Credentials(String accessKey, String secretKey) {
            this.s3AccessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.s3SecretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /**
         * Keeps collections, faces and users in a directory across restarts (an fsync'd journal). The directory is
         * locked while the emulator runs: {@link #start()} throws {@link DataDirInUseException} if another emulator
         * or process holds it, and {@link JournalDamagedException} if its journal is damaged before its last record
         * (then {@link JournalRecovery#recover} copies what is intact into a new directory).
         *
         * @param dir the directory, created if missing
         * @return this builder
         */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /**
         * Sets the seed of the fault draws (default 42).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the quota and faults of every operation at start.
         *
         * @param profile the profile
         * @return this builder
         */
        public Builder faults(FaultProfile profile) {
            this.allFaults = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Sets the quota and faults of one operation at start.
         *
         * @param op the operation
         * @param profile the profile
         * @return this builder
         */
        public Builder faults(Operation op, FaultProfile profile) {
            faults.put(Objects.requireNonNull(op, "op"), Objects.requireNonNull(profile, "profile"));
            return this;
        }

        /**
         * Sets the most requests served at once (default 256); more wait for a thread.
         *
         * @param threads at least 2
         * @return this builder
         */
        public Builder maxThreads(int threads) {
            if (threads < 2) {
                throw new IllegalArgumentException("maxThreads must be >= 2, got " + threads);
            }
            this.maxThreads = threads;
            return this;
        }

        /**
         * Whether to log one line per request (default true).
         *
         * @param enabled true to log
         * @return this builder
         */
        public Builder logRequests(boolean enabled) {
            this.logRequests = enabled;
            return this;
        }

        /**
         * Starts the emulator.
         *
         * @return the running emulator
         * @throws UncheckedIOException if the port cannot be bound
         */
        public RekognitionEmulator start() {
            if (!catalogueSet) {
                catalogue = CatalogueFaceSource.fromFixtures();
            }
            try {
                return new RekognitionEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Rekognition emulator on port " + port, e);
            }
        }
    }
}
