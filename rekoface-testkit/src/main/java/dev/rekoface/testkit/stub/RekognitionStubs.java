package dev.rekoface.testkit.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.rekoface.Operation;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Scripted Rekognition answers on WireMock: "for DetectFaces on this image answer this fixture, this error, after this
 * delay". Requests are matched on {@code X-Amz-Target} and, if asked, on an image (its bytes, or its S3 bucket and
 * key). A request no stub matches is answered HTTP 404 ({@code NoStubMatchedException}, naming the operation and
 * summarising the request) and {@link #verifyNoUnmatched()} fails the test with the same summary.
 *
 * <pre>{@code
 * try (RekognitionStubs stubs = RekognitionStubs.start()) {
 *     stubs.on(Operation.DETECT_FACES).withImage(photo).respondWithFixture("sdk-examples/DetectFaces.response.json");
 *     stubs.on(Operation.COMPARE_FACES).after(Duration.ofMillis(300)).respondWithError("ThrottlingException", 400, "Slow down");
 *     RekofaceClient reko = RekofaceClient.builder().endpointOverride(stubs.endpoint())...build();
 *     ...
 *     stubs.verifyNoUnmatched();
 * }
 * }</pre>
 *
 * <p>Fixture names are those of {@link Fixtures#response(String)}. More specific stubs (with an image) win over
 * stubs for the whole operation; among equals, the last registered wins. Thread-safe.
 */
public final class RekognitionStubs implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/x-amz-json-1.1";
    private static final String UNMATCHED = "rekoface-unmatched";
    private static final int SPECIFIC = 1;
    private static final int GENERAL = 5;
    private static final int FALLBACK = 100;

    private final WireMockServer server;
    private volatile UUID fallbackId;

    private RekognitionStubs(int port) {
        this.server = new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1").notifier(new Slf4jNotifier(false))
            .extensions(new UnmatchedTransformer()));
        server.start();
        installFallback();
    }

    /** Starts stubs on a free port of the loopback interface. */
    public static RekognitionStubs start() {
        return new RekognitionStubs(0);
    }

    /**
     * Starts stubs on a given port.
     *
     * @param port the port
     * @return the running stubs
     */
    public static RekognitionStubs start(int port) {
        return new RekognitionStubs(port);
    }

    /** Returns the endpoint to give clients, e.g. {@code http://localhost:40123}. */
    public URI endpoint() {
        return URI.create("http://localhost:" + server.port());
    }

    /** Returns the port. */
    public int port() {
        return server.port();
    }

    /**
     * Begins a stub for an operation.
     *
     * @param operation the operation
     * @return the stub builder; finish it with one of its {@code respondWith} methods
     */
    public Stub on(Operation operation) {
        return new Stub(Objects.requireNonNull(operation, "operation"));
    }

    /** Returns how many requests of an operation arrived (matched or not). */
    public int requestCount(Operation operation) {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(operation.target()))).size();
    }

    /** Returns one-line summaries of the requests no stub matched, oldest first. */
    public List<String> unmatchedRequests() {
        List<String> out = new ArrayList<>();
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        for (ServeEvent e : events) {
            boolean fallback = e.getStubMapping() != null && Objects.equals(e.getStubMapping().getId(), fallbackId);
            if (fallback || !e.getWasMatched()) {
                out.add(RequestSummary.of(e.getRequest().getHeader("X-Amz-Target"), e.getRequest().getBody()));
            }
        }
        return out;
    }

    /**
     * Fails if any request matched no stub, naming each such request's operation and summarising it.
     *
     * @throws AssertionError listing the unmatched requests
     */
    public void verifyNoUnmatched() {
        List<String> unmatched = unmatchedRequests();
        if (!unmatched.isEmpty()) {
            throw new AssertionError(unmatched.size() + (unmatched.size() == 1 ? " Rekognition request" : " Rekognition requests")
                + " matched no stub:\n  " + String.join("\n  ", unmatched)
                + "\nAdd a stub with stubs.on(Operation...) for each, or use the emulator (@LocalRekognition).");
        }
    }

    /** Removes every stub and forgets every request. */
    public void reset() {
        server.resetAll();
        installFallback();
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "RekognitionStubs[" + endpoint() + "]";
    }

    private void installFallback() {
        StubMapping m = server.stubFor(any(anyUrl()).atPriority(FALLBACK)
            .willReturn(aResponse().withStatus(404).withTransformers(UNMATCHED)));
        fallbackId = m.getId();
    }

    /** A stub being defined: match conditions, then one answer. Not thread-safe; finish it on one thread. */
    public final class Stub {
        private final Operation operation;
        private final List<java.util.function.UnaryOperator<MappingBuilder>> matchers = new ArrayList<>();
        private Duration delay = Duration.ZERO;
        private boolean specific;

        private Stub(Operation operation) {
            this.operation = operation;
        }

        /**
         * Matches requests carrying these image bytes (in {@code Image}, {@code SourceImage} or {@code TargetImage}).
         *
         * @param bytes the image bytes
         * @return this stub
         */
        public Stub withImage(byte[] bytes) {
            String b64 = Base64.getEncoder().encodeToString(Objects.requireNonNull(bytes, "bytes"));
            matchers.add(m -> m.withRequestBody(containing("\"" + b64 + "\"")));
            specific = true;
            return this;
        }

        /**
         * Matches requests whose image is this S3 object.
         *
         * @param bucket the bucket
         * @param key the object key
         * @return this stub
         */
        public Stub withS3Object(String bucket, String key) {
            String b = quote(bucket);
            String k = quote(key);
            matchers.add(m -> m.withRequestBody(matchingJsonPath("$..S3Object[?(@.Bucket == '" + b + "' && @.Name == '" + k + "')]")));
            specific = true;
            return this;
        }

        /**
         * Matches requests with a member equal to a value, e.g. {@code withMember("CollectionId", "faces")}.
         *
         * @param member a top-level member of the request
         * @param value its expected value
         * @return this stub
         */
        public Stub withMember(String member, String value) {
            matchers.add(m -> m.withRequestBody(matchingJsonPath("$." + member, equalTo(value))));
            specific = true;
            return this;
        }

        /**
         * Delays the answer.
         *
         * @param latency the delay
         * @return this stub
         */
        public Stub after(Duration latency) {
            this.delay = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /**
         * Answers a recorded response of the fixture pack with HTTP 200.
         *
         * @param fixtureName e.g. {@code sdk-examples/DetectFaces.response.json}
         * @return the stubs, for chaining
         */
        public RekognitionStubs respondWithFixture(String fixtureName) {
            return respondWithJson(Fixtures.response(fixtureName));
        }

        /**
         * Answers a JSON body with HTTP 200.
         *
         * @param json the response body
         * @return the stubs, for chaining
         */
        public RekognitionStubs respondWithJson(String json) {
            return register(aResponse().withStatus(200).withBody(json));
        }

        /**
         * Answers a service error, as the service sends it ({@code __type}, {@code Message}, {@code x-amzn-ErrorType}).
         *
         * @param code e.g. {@code ThrottlingException}
         * @param httpStatus e.g. 400 (or 500 for server faults)
         * @param message the message
         * @return the stubs, for chaining
         */
        public RekognitionStubs respondWithError(String code, int httpStatus, String message) {
            ObjectNode o = JSON.createObjectNode();
            o.put("__type", code);
            o.put("Message", message);
            return register(aResponse().withStatus(httpStatus).withHeader("x-amzn-ErrorType", code).withBody(o.toString()));
        }

        /**
         * Closes the connection without an answer.
         *
         * @return the stubs, for chaining
         */
        public RekognitionStubs respondWithConnectionReset() {
            return register(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER));
        }

        private RekognitionStubs register(ResponseDefinitionBuilder response) {
            response.withHeader("Content-Type", JSON_TYPE).withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
            if (!delay.isZero()) {
                response.withFixedDelay((int) delay.toMillis());
            }
            MappingBuilder m = post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(operation.target()))
                .atPriority(specific ? SPECIFIC : GENERAL);
            for (java.util.function.UnaryOperator<MappingBuilder> f : matchers) {
                m = f.apply(m);
            }
            server.stubFor(m.willReturn(response));
            return RekognitionStubs.this;
        }
    }

    private static String quote(String s) {
        return Objects.requireNonNull(s).replace("\\", "\\\\").replace("'", "\\'");
    }

    /** Answers unmatched requests with a service-shaped error that names the operation and summarises the request. */
    private static final class UnmatchedTransformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String summary = RequestSummary.of(event.getRequest().getHeader("X-Amz-Target"), event.getRequest().getBody());
            ObjectNode o = JSON.createObjectNode();
            o.put("__type", "NoStubMatchedException");
            o.put("Message", "No stub matched this request: " + summary);
            return ResponseDefinitionBuilder.responseDefinition().withStatus(404).withHeader("Content-Type", JSON_TYPE)
                .withHeader("x-amzn-ErrorType", "NoStubMatchedException").withBody(o.toString()).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return UNMATCHED;
        }
    }
}
