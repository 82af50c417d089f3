package dev.rekoface.cli;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceClient;
import dev.rekoface.examples.Clients;
import dev.rekoface.s3.S3Images;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where a command runs: the embedded local stack (default), a Rekognition-compatible endpoint, or AWS. Holds a
 * ready {@link RekofaceClient} and {@link S3Images}; closing it closes them and stops a local stack.
 */
final class Env implements AutoCloseable {
    /** The default data directory of the local stack. */
    public static final Path DEFAULT_DATA_DIR = Path.of(System.getProperty("user.home"), ".rekoface", "local");

    private final Clients clients;
    private final LocalStack stack;
    private final Region region;
    private final SdkHttpClient http;
    /** An S3 endpoint whose client is built on first use, or null (then the clients' own S3, if any). */
    private URI s3Endpoint;
    private S3Images lazyS3;

    private Env(Clients clients, LocalStack stack, Region region) {
        this(clients, stack, region, null);
    }

    private Env(Clients clients, LocalStack stack, Region region, SdkHttpClient http) {
        this.clients = clients;
        this.stack = stack;
        this.region = region;
        this.http = http;
    }

    /**
     * Starts the embedded local stack.
     *
     * @param dataDir where its state is kept
     * @return the environment
     */
    public static Env local(Path dataDir) {
        LocalStack stack = LocalStack.start(dataDir);
        return onStack(stack, "the local stack in " + dataDir + " (Rekognition emulator with the local face engine, "
            + "S3 server; no AWS account)");
    }

    static Env onStack(LocalStack stack, String description) {
        SdkHttpClient http = PlainHttp.forEndpoint(stack.rekognitionEndpoint());
        RekofaceClient.Builder b = RekofaceClient.builder().endpointOverride(stack.rekognitionEndpoint())
            .region(Region.US_EAST_1).credentialsProvider(LocalStack.CREDENTIALS);
        RekofaceClient reko = (http == null ? b : b.httpClient(http)).build();
        S3Images s3 = S3Images.builder().endpointOverride(stack.s3Endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(LocalStack.CREDENTIALS).rekognitionRegion(Region.US_EAST_1).build();
        return new Env(Clients.of(reko, s3, LocalStack.SAMPLES_BUCKET, description), stack, Region.US_EAST_1, http);
    }

    /**
     * Talks to a running Rekognition-compatible endpoint (a standalone emulator), and optionally an S3 endpoint.
     *
     * @param rekognitionEndpoint the Rekognition endpoint
     * @param s3Endpoint an S3 endpoint, or null for none
     * @param bucket the bucket holding the sample images, or null
     * @return the environment
     */
    public static Env endpoint(URI rekognitionEndpoint, URI s3Endpoint, String bucket) {
        requireHttp("--endpoint", rekognitionEndpoint);
        requireHttp("--s3-endpoint", s3Endpoint);
        return onEndpoint(rekognitionEndpoint, s3Endpoint, bucket, "Rekognition at " + rekognitionEndpoint
            + (s3Endpoint == null ? "" : " and S3 at " + s3Endpoint));
    }

    /**
     * Uses the local stack's background process (the daemon) of a data directory, starting it if none is running: the
     * same stack as {@link #local(Path)}, shared by every command and program, kept up between commands until it has
     * been idle for {@code idle}.
     *
     * @param dataDir where its state is kept
     * @param idle the idle time after which a daemon started here stops itself
     * @return the environment
     * @throws Daemon.DaemonException if the daemon cannot be started (the message names its log)
     */
    public static Env daemon(Path dataDir, Duration idle) {
        Daemon.Found d = Daemon.ensure(dataDir, idle);
        DaemonState s = d.state();
        return onEndpoint(s.rekognition(), s.s3(), LocalStack.SAMPLES_BUCKET, "the local stack in " + dataDir + " ("
            + (d.started() ? "started in the background" : "background process") + ", pid " + s.pid() + ", stops after "
            + Durations.format(s.idleTimeout()) + " idle; Rekognition emulator with the local face engine, S3 server; "
            + "no AWS account)");
    }

    private static Env onEndpoint(URI rekognitionEndpoint, URI s3Endpoint, String bucket, String description) {
        SdkHttpClient http = PlainHttp.forEndpoint(rekognitionEndpoint);
        if (http == null) {
            // an https endpoint: the SDK's default client, and the description of Clients.emulator
            return new Env(Clients.emulator(rekognitionEndpoint, s3Endpoint, bucket), null, Region.US_EAST_1);
        }
        // As Clients.emulator, with the quicker-starting HTTP client for a plain-HTTP endpoint.
        RekofaceClient reko = RekofaceClient.builder().endpointOverride(rekognitionEndpoint).region(Region.US_EAST_1)
            .credentialsProvider(Clients.EMULATOR_CREDENTIALS).httpClient(http).build();
        Env env = new Env(Clients.of(reko, null, bucket, description), null, Region.US_EAST_1, http);
        // the S3 client is built when a command first needs it: most commands on local files never do
        env.s3Endpoint = s3Endpoint;
        return env;
    }

    /** Refuses an endpoint the SDK cannot call (no scheme, not http or https), naming the option and its value. */
    private static void requireHttp(String option, URI endpoint) {
        if (endpoint == null) {
            return;
        }
        String scheme = endpoint.getScheme();
        if (scheme == null || endpoint.getHost() == null
            || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new InvalidArgumentException(option, option + " " + endpoint
                + " is not an http or https URL with a host (e.g. http://localhost:4566)");
        }
    }

    /**
     * Uses AWS with the default credential and region chains. Fails at once, with the reason, when no credentials or
     * region are configured: it never falls back to the local stack.
     *
     * @param region a region, or null for the default chain
     * @param bucket a bucket of yours for the S3 examples, or null
     * @return the environment
     */
    public static Env aws(Region region, String bucket) {
        Region r = region;
        if (r == null) {
            try {
                r = DefaultAwsRegionProviderChain.builder().build().getRegion();
            } catch (RuntimeException e) {
                throw new InvalidArgumentException("region", "--aws: no AWS region is configured (set AWS_REGION, the "
                    + "profile's region, or --region)");
            }
        }
        try {
            DefaultCredentialsProvider.builder().build().resolveCredentials();
        } catch (RuntimeException e) {
            throw new InvalidArgumentException("--aws: no AWS credentials found (set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY, run `aws configure`, or use SSO or an instance role); --verbose says more", e,
                null, null);
        }
        return new Env(Clients.aws(r, bucket), null, r);
    }

    /** Returns the Rekognition client. */
    public RekofaceClient rekognition() {
        return clients.rekognition();
    }

    /**
     * Returns the S3 access.
     *
     * @return the S3 images
     * @throws InvalidArgumentException when this environment has no S3
     */
    public synchronized S3Images s3() {
        if (s3Endpoint != null) {
            if (lazyS3 == null) {
                lazyS3 = S3Images.builder().endpointOverride(s3Endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(Clients.EMULATOR_CREDENTIALS).build();
            }
            return lazyS3;
        }
        return clients.s3();
    }

    /** Returns the bucket holding the sample images, when there is one. */
    public Optional<String> samplesBucket() {
        return clients.bucket();
    }

    /** Returns what this environment is, for the one line printed on stderr. */
    public String description() {
        return clients.description();
    }

    @Override
    public synchronized void close() {
        clients.close();
        if (lazyS3 != null) {
            lazyS3.close();
            lazyS3 = null;
        }
        if (http != null) {
            http.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    public String toString() {
        return "Env[" + clients.description() + "]";
    }
}
