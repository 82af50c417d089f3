package dev.rekoface.testkit.record;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rekoface.testkit.stub.RequestSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Records real Rekognition answers once and replays them offline: a local endpoint that serves recordings from a
 * directory, keyed by operation and a canonical hash of the request body (JSON keys sorted; {@code ClientRequestToken}
 * left out, since SDKs generate it).
 *
 * <pre>{@code
 * // once, with real credentials: records only what is missing
 * try (RekognitionRecorder rec = RekognitionRecorder.builder().directory(Path.of("src/test/resources/recordings"))
 *         .mode(RekognitionRecorder.Mode.RECORD).region("eu-west-1").start()) {
 *     runScenario(rec.endpoint());
 * }
 * // in every test run: offline, failing clearly on anything not recorded
 * try (RekognitionRecorder rec = RekognitionRecorder.builder().directory(dir).start()) {   // REPLAY by default
 *     runScenario(rec.endpoint());
 *     rec.verifyNoMissing();
 * }
 * }</pre>
 *
 * <p>Recording is an explicit mode: the request is re-signed (SigV4) with the recorder's credentials and forwarded to
 * the real endpoint; the answer is stored only if it is not a throttling or server error. Stored files keep the
 * status, the error type and the body, redacted: no Authorization header, credentials, session tokens or request ids
 * are kept, and 12-digit account ids in ARNs become {@code 123456789012}. Request bodies are not stored (they hold
 * images), only a one-line summary. Thread-safe.
 */
public final class RekognitionRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RekognitionRecorder.class);
    /** Jackson 2's reading and writing, as the stored recordings and their keys were made with. */
    private static final ObjectMapper JSON = JsonMapper.builderWithJackson2Defaults().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper COMPACT = JsonMapper.builderWithJackson2Defaults().build();
    private static final String JSON_TYPE = "application/x-amz-json-1.1";
    private static final Set<String> TRANSIENT = Set.of("ThrottlingException", "ProvisionedThroughputExceededException",
        "InternalServerError", "ServiceUnavailable", "ServiceUnavailableException");

    /** What the recorder does with a request it has no recording of. */
    public enum Mode {
        /** Answer an error ({@code MissingRecordingException}, HTTP 404) and remember the miss. */
        REPLAY,
        /** Forward it to the real endpoint, store the answer, and answer it. */
        RECORD
    }

    private final Path directory;
    private final Mode mode;
    private final URI target;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final HttpServer server;
    private final HttpClient http;
    private final List<String> missing = new CopyOnWriteArrayList<>();
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();

    private RekognitionRecorder(Builder b) throws IOException {
        this.directory = Objects.requireNonNull(b.directory, "directory");
        this.mode = b.mode;
        this.region = b.region;
        this.target = b.target != null ? b.target : URI.create("https://rekognition." + b.region + ".amazonaws.com");
        this.credentials = b.mode == Mode.RECORD ? (b.credentials != null ? b.credentials : DefaultCredentialsProvider.builder().build()) : null;
        this.http = b.mode == Mode.RECORD ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build() : null;
        Files.createDirectories(directory);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "rekognition-recorder");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        LOG.info("Rekognition recorder ({}) on {} with recordings in {}{}", mode, endpoint(), directory,
            mode == Mode.RECORD ? ", forwarding to " + target : "");
    }

    /** Returns a builder (REPLAY mode by default). */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the endpoint to give clients. */
    public URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Returns the mode. */
    public Mode mode() {
        return mode;
    }

    /** Returns summaries of the requests that had no recording (in REPLAY mode), oldest first. */
    public List<String> missing() {
        return Collections.unmodifiableList(new ArrayList<>(missing));
    }

    /** Returns how many answers were recorded since start. */
    public int recordedCount() {
        return recorded.get();
    }

    /** Returns how many answers were served from recordings since start. */
    public int replayedCount() {
        return replayed.get();
    }

    /**
     * Fails if any request had no recording.
     *
     * @throws AssertionError naming each such request and how to record it
     */
    public void verifyNoMissing() {
        if (!missing.isEmpty()) {
            throw new AssertionError(missing.size() + " Rekognition request(s) had no recording in " + directory + ":\n  "
                + String.join("\n  ", missing) + "\nRecord them once with RekognitionRecorder.builder().mode(Mode.RECORD) and real credentials.");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /**
     * Returns the recording key of a request: {@code <Operation>/<sha256 of the canonical body>}.
     *
     * @param target the {@code X-Amz-Target} header
     * @param body the request body
     * @return the key, also the file's path under the directory without {@code .json}
     */
    public static String key(String target, byte[] body) {
        String op = target == null ? "Unknown" : target.substring(target.indexOf('.') + 1);
        String canonical;
        try {
            JsonNode n = JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
            if (n instanceof ObjectNode o) {
                o.remove("ClientRequestToken");
            }
            canonical = canonical(n);
        } catch (JacksonException e) {
            canonical = new String(body, StandardCharsets.UTF_8);
        }
        return op + "/" + sha256(canonical.getBytes(StandardCharsets.UTF_8));
    }

    private static String canonical(JsonNode n) {
        if (n == null) {
            return "null";
        }
        if (n.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            n.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            StringBuilder sb = new StringBuilder("{");
            sorted.forEach((k, v) -> sb.append(JsonStrings.quote(k)).append(':').append(canonical(v)).append(','));
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            n.forEach(x -> sb.append(canonical(x)).append(','));
            return sb.append(']').toString();
        }
        if (n.isNumber()) {
            return Double.toString(n.asDouble());
        }
        return n.toString();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getRequestBody().readAllBytes();
                send(ex, 200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8), null);
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            String targetHeader = ex.getRequestHeaders().getFirst("X-Amz-Target");
            String key = key(targetHeader, body);
            Path file = directory.resolve(key + ".json");
            if (Files.exists(file)) {
                JsonNode rec = JSON.readTree(file.toFile());
                replayed.incrementAndGet();
                String errorType = rec.hasNonNull("errorType") ? rec.get("errorType").asString() : null;
                send(ex, rec.get("status").asInt(), bodyBytes(rec.get("body")), errorType);
                return;
            }
            String summary = RequestSummary.of(targetHeader, body);
            if (mode == Mode.REPLAY) {
                missing.add(summary + " [" + key + "]");
                ObjectNode err = JSON.createObjectNode();
                err.put("__type", "MissingRecordingException");
                err.put("Message", "No recording of " + summary + " (key " + key + ") in " + directory
                    + "; record it once with RekognitionRecorder in RECORD mode");
                send(ex, 404, COMPACT.writeValueAsBytes(err), "MissingRecordingException");
                return;
            }
            forwardAndRecord(ex, targetHeader, body, file, summary, key);
        } catch (RuntimeException e) {
            LOG.error("recorder failure", e);
            send(ex, 500, "{\"__type\":\"InternalServerError\",\"Message\":\"recorder failure\"}".getBytes(StandardCharsets.UTF_8),
                "InternalServerError");
        }
    }

    private static byte[] bodyBytes(JsonNode body) throws IOException {
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        if (body.isString()) {
            return body.asString().getBytes(StandardCharsets.UTF_8);
        }
        return COMPACT.writeValueAsBytes(body);
    }

    private void forwardAndRecord(HttpExchange ex, String targetHeader, byte[] body, Path file, String summary, String key)
        throws IOException {
        URI uri = target.resolve("/");
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
            .putHeader("Content-Type", JSON_TYPE).putHeader("X-Amz-Target", targetHeader).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials())
            .request(unsigned).payload(ContentStreamProvider.fromByteArray(body))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "rekognition")
            .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!n.equals("host") && !n.equals("content-length")) {
                values.forEach(v -> rb.header(name, v));
            }
        });
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding " + summary, e);
        } catch (IOException e) {
            ex.close(); // the real endpoint gave no answer: give none either, as a network failure would
            LOG.warn("forwarding {} to {} failed: {}", summary, target, e.toString());
            return;
        }
        String errorType = resp.headers().firstValue("x-amzn-ErrorType").map(v -> v.split(":", 2)[0]).orElse(null);
        String text = Redaction.redact(new String(resp.body(), StandardCharsets.UTF_8));
        byte[] redacted = text.getBytes(StandardCharsets.UTF_8);
        if (resp.statusCode() < 500 && (errorType == null || !TRANSIENT.contains(errorType))) {
            ObjectNode rec = JSON.createObjectNode();
            rec.put("operation", key.substring(0, key.indexOf('/')));
            rec.put("request", summary);
            rec.put("status", resp.statusCode());
            if (errorType != null) {
                rec.put("errorType", errorType);
            }
            JsonNode parsed;
            try {
                parsed = JSON.readTree(redacted);
            } catch (JacksonException e) {
                parsed = null;
            }
            if (parsed != null) {
                rec.set("body", parsed);
            } else {
                rec.put("body", text);
            }
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(rec));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            recorded.incrementAndGet();
            LOG.info("recorded {} -> {} ({})", summary, resp.statusCode(), key);
        }
        send(ex, resp.statusCode(), redacted, errorType);
    }

    private static void send(HttpExchange ex, int status, byte[] body, String errorType) throws IOException {
        ex.getResponseHeaders().set("Content-Type", JSON_TYPE);
        ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            ex.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
        ex.close();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds and starts a {@link RekognitionRecorder}. Not thread-safe. */
    public static final class Builder {
        private Path directory;
        private Mode mode = Mode.REPLAY;
        private URI target;
        private String region = "us-east-1";
        private AwsCredentialsProvider credentials;
        private int port;

        private Builder() {
        }

        /**
         * Sets the directory of the recordings (required; created if missing).
         *
         * @param dir e.g. {@code src/test/resources/rekognition-recordings}
         * @return this builder
         */
        public Builder directory(Path dir) {
            this.directory = dir;
            return this;
        }

        /**
         * Sets the mode (default {@link Mode#REPLAY}).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the region: of the default real endpoint and of the signature (default us-east-1).
         *
         * @param region e.g. {@code eu-west-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Records from another endpoint than {@code https://rekognition.<region>.amazonaws.com} (e.g. an emulator).
         *
         * @param endpoint the endpoint
         * @return this builder
         */
        public Builder target(URI endpoint) {
            this.target = endpoint;
            return this;
        }

        /**
         * Sets the credentials used to re-sign forwarded requests (default: the SDK's default chain).
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder credentialsProvider(AwsCredentialsProvider provider) {
            this.credentials = provider;
            return this;
        }

        /**
         * Sets the port (default 0: a free one).
         *
         * @param port the port
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Starts the recorder. */
        public RekognitionRecorder start() {
            try {
                return new RekognitionRecorder(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Rekognition recorder", e);
            }
        }
    }
}
