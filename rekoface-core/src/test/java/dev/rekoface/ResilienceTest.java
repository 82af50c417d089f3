package dev.rekoface;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rekoface.image.ImageSource;
import dev.rekoface.model.IndexResult;
import dev.rekoface.retry.Backoff;
import dev.rekoface.retry.CircuitBreakerPolicy;
import dev.rekoface.retry.MetricsListener;
import dev.rekoface.retry.OperationMetrics;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.retry.RetryPolicy;
import dev.rekoface.support.RekognitionWireMock;
import dev.rekoface.support.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

class ResilienceTest {
    @RegisterExtension
    static RekognitionWireMock reko = RekognitionWireMock.create();

    private final ImageSource image = ImageSource.fromS3("photos", "a.jpg");
    private final RetryPolicy fast = RetryPolicy.builder().maxAttempts(3).backoff(Backoff.none()).build();

    private RekofaceClient.Builder client() {
        return RekofaceClient.builder().endpointOverride(reko.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(RekognitionWireMock.credentials());
    }

    private RekofaceAsyncClient.Builder asyncClient() {
        return RekofaceAsyncClient.builder().endpointOverride(reko.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(RekognitionWireMock.credentials());
    }

    private void throttleTwiceThenAnswer() {
        String target = Operation.DETECT_FACES.target();
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).inScenario("t").whenScenarioStateIs(STARTED)
            .willSetStateTo("once").willReturn(aResponse().withStatus(400).withBody("{\"__type\":\"ThrottlingException\",\"Message\":\"Slow down\"}")));
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).inScenario("t").whenScenarioStateIs("once")
            .willSetStateTo("twice").willReturn(aResponse().withStatus(400)
                .withBody("{\"__type\":\"ProvisionedThroughputExceededException\",\"Message\":\"Rate exceeded\"}")));
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).inScenario("t").whenScenarioStateIs("twice")
            .willReturn(aResponse().withStatus(200).withBody("{\"FaceDetails\":[]}")));
    }

    @Test
    void retry_throttledTwice_succeedsAndCountsEveryAttempt() {
        throttleTwiceThenAnswer();
        OperationMetrics metrics = new OperationMetrics();
        try (RekofaceClient c = client().retryPolicy(fast).metricsListener(metrics).build()) {
            assertThat(c.detectFaces(image)).isEmpty();
        }
        assertThat(reko.requestCount()).isEqualTo(3);
        OperationMetrics.Counts counts = metrics.counts(Operation.DETECT_FACES);
        assertThat(counts.attempts()).isEqualTo(3);
        assertThat(counts.throttles()).isEqualTo(2);
        assertThat(counts.retries()).isEqualTo(2);
        assertThat(counts.calls()).isEqualTo(1);
        assertThat(counts.failures()).isZero();
    }

    @Test
    void retry_async_throttledTwice_succeeds() {
        throttleTwiceThenAnswer();
        try (RekofaceAsyncClient c = asyncClient().retryPolicy(fast).build()) {
            assertThat(c.detectFaces(image).join()).isEmpty();
        }
        assertThat(reko.requestCount()).isEqualTo(3);
    }

    @Test
    void retry_serverErrorsForever_stopsAtTheConfiguredCount() {
        reko.fail(Operation.DETECT_FACES, 500, "InternalServerError", "boom");
        OperationMetrics metrics = new OperationMetrics();
        try (RekofaceClient c = client().retryPolicy(fast).metricsListener(metrics).build()) {
            assertThatThrownBy(() -> c.detectFaces(image)).isInstanceOf(ServiceFailureException.class).hasMessageContaining("boom");
        }
        assertThat(reko.requestCount()).isEqualTo(3);
        assertThat(metrics.counts(Operation.DETECT_FACES).failures()).isEqualTo(1);
        assertThat(metrics.counts(Operation.DETECT_FACES).retries()).isEqualTo(2);
    }

    @Test
    void retry_asyncServerErrorsForever_stopsAtTheConfiguredCount() {
        reko.fail(Operation.DETECT_FACES, 500, "InternalServerError", "boom");
        try (RekofaceAsyncClient c = asyncClient().retryPolicy(RetryPolicy.builder().maxAttempts(4).backoff(Backoff.fixed(Duration.ofMillis(5))).build()).build()) {
            assertThatThrownBy(() -> c.detectFaces(image).join()).hasCauseInstanceOf(ServiceFailureException.class);
        }
        assertThat(reko.requestCount()).isEqualTo(4);
    }

    @Test
    void retry_nonRetryableErrors_areNotRetried() {
        reko.fail(Operation.DETECT_FACES, 400, "InvalidParameterException", "bad");
        reko.fail(Operation.DETECT_LABELS, 400, "AccessDeniedException", "no");
        try (RekofaceClient c = client().retryPolicy(fast).build()) {
            assertThatThrownBy(() -> c.detectFaces(image)).isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> c.detectLabels(image)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(reko.requestCount()).isEqualTo(2);
    }

    @Test
    void retry_throttlingNotRetriedWhenDisabled() {
        reko.fail(Operation.DETECT_FACES, 400, "ThrottlingException", "Slow down");
        try (RekofaceClient c = client().retryPolicy(RetryPolicy.builder().maxAttempts(5).retryThrottling(false).build()).build()) {
            assertThatThrownBy(() -> c.detectFaces(image)).isInstanceOf(ThrottledException.class);
        }
        assertThat(reko.requestCount()).isEqualTo(1);
    }

    @Test
    void sdkRetries_areOffInTheClientRekofaceBuilds() {
        reko.fail(Operation.DETECT_FACES, 500, "InternalServerError", "boom");
        try (RekofaceClient c = client().retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> c.detectFaces(image)).isInstanceOf(ServiceFailureException.class);
        }
        assertThat(reko.requestCount()).as("one layer retries: none here, and the SDK not at all").isEqualTo(1);
    }

    @Test
    void suppliedSdkClient_keepsItsOwnRetriesAndRekofaceAddsNone() {
        reko.fail(Operation.DETECT_FACES, 500, "InternalServerError", "boom");
        try (RekognitionClient raw = RekognitionClient.builder().endpointOverride(reko.endpoint()).region(Region.US_EAST_1)
                 .credentialsProvider(RekognitionWireMock.credentials())
                 .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(2).backoffStrategy(
                     software.amazon.awssdk.retries.api.BackoffStrategy.retryImmediately()))).build();
             RekofaceClient c = RekofaceClient.builder().rekognitionClient(raw).build()) {
            assertThatThrownBy(() -> c.detectFaces(image)).isInstanceOf(ServiceFailureException.class);
        }
        assertThat(reko.requestCount()).isEqualTo(2);
    }

    @Test
    void rateLimit_holdsTheConfiguredRateWithinTenPercent() throws Exception {
        reko.answerJson(Operation.DETECT_FACES, "{\"FaceDetails\":[]}");
        int calls = 61;
        try (RekofaceAsyncClient c = asyncClient().rateLimit(RateLimit.perSecond(20)).build()) {
            // One call first: the client's start-up (connection, event loop) would otherwise delay the first measured one.
            c.detectFaces(image).join();
            reko.resetRequests();
            Thread.sleep(100);
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                all.add(c.detectFaces(image));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        }
        List<Long> times = reko.getAllServeEvents().stream().map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
        assertThat(times).hasSize(calls);
        double seconds = (times.get(times.size() - 1) - times.get(0)) / 1000.0;
        double rate = (calls - 1) / seconds;
        assertThat(rate).isCloseTo(20.0, within(2.0));
    }

    @Test
    void rateLimit_perOperationOverride_appliesToThatOperationOnly() {
        RateLimit limit = RateLimit.perSecond(50).withOperation(Operation.COMPARE_FACES, 25);
        assertThat(limit.limitFor(Operation.COMPARE_FACES).getAsDouble()).isEqualTo(25);
        assertThat(limit.limitFor(Operation.DETECT_FACES).getAsDouble()).isEqualTo(50);
        assertThat(RateLimit.unlimited().limitFor(Operation.DETECT_FACES)).isEmpty();
        assertThatThrownBy(() -> RateLimit.perSecond(0)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("0.0");
    }

    @Test
    void rateLimit_operationByWireName_isTheSameAsByConstant() {
        RateLimit byName = RateLimit.perSecond(50).withOperation("CompareFaces", 25);
        assertThat(byName).isEqualTo(RateLimit.perSecond(50).withOperation(Operation.COMPARE_FACES, 25));
        assertThat(byName.limitFor(Operation.COMPARE_FACES).getAsDouble()).isEqualTo(25);
        assertThat(byName).hasToString("RateLimit[50.0/s, {CompareFaces=25.0}]");
    }

    @Test
    void rateLimit_unknownOperationName_isRefusedWhenSetNamingTheKnownOnes() {
        RateLimit base = RateLimit.perSecond(50);
        assertThatThrownBy(() -> base.withOperation("CompareFace", 25))
            .isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("'CompareFace'")
            .hasMessageContaining("known: DetectFaces, CompareFaces, DetectLabels")
            .hasMessageContaining("SearchUsersByImage")
            .satisfies(e -> assertThat(((InvalidArgumentException) e).parameter()).contains("operation"));
        assertThatThrownBy(() -> base.withOperation("compare-faces", 25)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("did you mean CompareFaces?");
        assertThatThrownBy(() -> base.withOperation(" ", 25)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("known: DetectFaces");
    }

    @Test
    void metrics_unknownOperationName_isRefusedNamingTheKnownOnes() {
        OperationMetrics metrics = new OperationMetrics();
        assertThatThrownBy(() -> metrics.counts("IndexFace"))
            .isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("'IndexFace'")
            .hasMessageContaining("did you mean IndexFaces?").hasMessageContaining("known: DetectFaces, CompareFaces");
        assertThat(metrics.counts("IndexFaces").calls()).isZero();
    }

    @Test
    void metrics_countPerOperation_keyedByTheOperationCalled() {
        reko.answerJson(Operation.DETECT_FACES, "{\"FaceDetails\":[]}");
        reko.answerJson(Operation.DETECT_LABELS, "{\"Labels\":[]}");
        OperationMetrics metrics = new OperationMetrics();
        try (RekofaceClient c = client().metricsListener(metrics).build()) {
            c.detectFaces(image);
            c.detectFaces(image);
            c.detectLabels(image);
        }
        assertThat(metrics.snapshot()).containsOnlyKeys(Operation.DETECT_FACES, Operation.DETECT_LABELS);
        assertThat(metrics.counts(Operation.DETECT_FACES).calls()).isEqualTo(2);
        assertThat(metrics.counts("DetectLabels").calls()).isEqualTo(1);
    }

    @Test
    void circuitBreaker_afterRepeatedFailures_failsFastWithoutARequest() {
        reko.fail(Operation.DETECT_FACES, 500, "InternalServerError", "down");
        try (RekofaceClient c = client().retryPolicy(RetryPolicy.none())
            .circuitBreaker(CircuitBreakerPolicy.of(50, 4, 4, Duration.ofMinutes(1))).build()) {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> c.detectFaces(image)).hasMessageContaining("down");
            }
            assertThatThrownBy(() -> c.detectFaces(image)).isInstanceOf(ServiceFailureException.class)
                .hasMessageContaining("circuit breaker is open");
        }
        assertThat(reko.requestCount()).isEqualTo(4);
    }

    @Test
    void circuitBreaker_inputErrorsDoNotOpenIt() {
        reko.fail(Operation.DETECT_FACES, 400, "InvalidParameterException", "bad");
        try (RekofaceClient c = client().circuitBreaker(CircuitBreakerPolicy.of(50, 2, 2, Duration.ofMinutes(1))).build()) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> c.detectFaces(image)).isInstanceOf(InvalidArgumentException.class);
            }
        }
        assertThat(reko.requestCount()).isEqualTo(5);
    }

    @Test
    void maxConcurrency_boundsCallsInFlight() {
        reko.stubFor(post("/").willReturn(aResponse().withStatus(200).withBody("{\"FaceDetails\":[]}").withFixedDelay(100)));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        MetricsListener tracker = new MetricsListener() {
            @Override
            public void attempt(Operation operation, int attempt) {
                max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            }

            @Override
            public void completed(Operation operation, Duration latency, int attempts, RekofaceException failure) {
                inFlight.decrementAndGet();
            }
        };
        try (RekofaceAsyncClient c = asyncClient().maxConcurrency(2).rateLimit(RateLimit.unlimited()).metricsListener(tracker).build()) {
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(c.detectFaces(image));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        }
        assertThat(reko.requestCount()).isEqualTo(8);
        assertThat(max.get()).isEqualTo(2);
    }

    @Test
    void metricsListener_thatThrows_neitherFailsTheCallNorHoldsItsPermit() {
        reko.stubFor(post("/").willReturn(aResponse().withStatus(200).withBody("{\"FaceDetails\":[]}")));
        MetricsListener broken = new MetricsListener() {
            @Override
            public void completed(Operation operation, Duration latency, int attempts, RekofaceException failure) {
                throw new IllegalStateException("broken meter registry");
            }
        };
        try (RekofaceAsyncClient c = asyncClient().maxConcurrency(1).rateLimit(RateLimit.unlimited())
            .metricsListener(broken).build()) {
            for (int i = 0; i < 3; i++) {
                // with the permit held by a failed report, the second call would wait forever
                assertThat(c.detectFaces(image).orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()).isEmpty();
            }
        }
        assertThat(reko.requestCount()).isEqualTo(3);
    }

    @Test
    void policies_rejectBadValuesWhenSet() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts 0");
        assertThatThrownBy(() -> Backoff.exponentialWithJitter(Duration.ofSeconds(2), Duration.ofSeconds(1)))
            .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> CircuitBreakerPolicy.of(0, 1, 1, Duration.ofSeconds(1))).hasMessageContaining("failure rate");
        assertThatThrownBy(() -> client().maxConcurrency(0)).hasMessageContaining("maxConcurrency 0");
    }

    @Test
    void backoff_fullJitterStaysUnderTheDoublingCeiling() {
        Backoff b = Backoff.exponentialWithJitter(Duration.ofMillis(100), Duration.ofMillis(1000));
        assertThat(b.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.ceiling(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(b.ceiling(10)).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.delay(3, 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoff.fixed(Duration.ofMillis(30)).delay(7, 0.9)).isEqualTo(Duration.ofMillis(30));
    }

    // ---- idempotent IndexFaces ---------------------------------------------------------------------------------

    private static final String FACE = "{\"FaceId\":\"11111111-2222-3333-4444-555555555555\",\"ImageId\":"
        + "\"aaaaaaaa-2222-3333-4444-555555555555\",\"ExternalImageId\":\"rf:joe_20biden\",\"Confidence\":99.9,"
        + "\"BoundingBox\":{\"Left\":0.3,\"Top\":0.2,\"Width\":0.3,\"Height\":0.4}}";

    private void indexFailsOnceWith500ThenSucceeds() {
        String target = Operation.INDEX_FACES.target();
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).inScenario("i").whenScenarioStateIs(STARTED)
            .willSetStateTo("failed").willReturn(aResponse().withStatus(500)
                .withBody("{\"__type\":\"InternalServerError\",\"Message\":\"lost\"}")));
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).inScenario("i").whenScenarioStateIs("failed")
            .willReturn(aResponse().withStatus(200).withBody("{\"FaceRecords\":[{\"Face\":" + FACE + "}],\"FaceModelVersion\":\"7.0\"}")));
    }

    @Test
    void index_ambiguousFailureAndTheFaceWasStored_returnsItWithoutIndexingAgain() {
        indexFailsOnceWith500ThenSucceeds();
        reko.answerJson(Operation.SEARCH_FACES_BY_IMAGE, "{\"SearchedFaceBoundingBox\":{\"Left\":0.3,\"Top\":0.2,\"Width\":0.3,"
            + "\"Height\":0.4},\"SearchedFaceConfidence\":99.9,\"FaceMatches\":[{\"Similarity\":99.99,\"Face\":" + FACE + "}],"
            + "\"FaceModelVersion\":\"7.0\"}");
        try (RekofaceClient c = client().retryPolicy(fast).build()) {
            IndexResult r = c.collection("faces").index(ImageSource.fromBytes(TestImages.fixture("biden.jpg")), "joe biden");
            assertThat(r.indexed()).singleElement().satisfies(f -> {
                assertThat(f.faceId()).isEqualTo("11111111-2222-3333-4444-555555555555");
                assertThat(f.personId()).contains("joe biden");
            });
        }
        assertThat(reko.requests(Operation.INDEX_FACES)).hasSize(1);
        assertThat(reko.requests(Operation.SEARCH_FACES_BY_IMAGE)).hasSize(1);
    }

    @Test
    void index_ambiguousFailureAndNothingStored_indexesAgain() {
        indexFailsOnceWith500ThenSucceeds();
        reko.answerJson(Operation.SEARCH_FACES_BY_IMAGE, "{\"SearchedFaceBoundingBox\":{\"Left\":0.3,\"Top\":0.2,\"Width\":0.3,"
            + "\"Height\":0.4},\"SearchedFaceConfidence\":99.9,\"FaceMatches\":[],\"FaceModelVersion\":\"7.0\"}");
        try (RekofaceClient c = client().retryPolicy(fast).build()) {
            IndexResult r = c.collection("faces").index(ImageSource.fromBytes(TestImages.fixture("biden.jpg")), "joe biden");
            assertThat(r.indexed()).hasSize(1);
        }
        assertThat(reko.requests(Operation.INDEX_FACES)).hasSize(2);
    }

    @Test
    void index_throttled_isRetriedWithoutADuplicateCheck() {
        String target = Operation.INDEX_FACES.target();
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).inScenario("th").whenScenarioStateIs(STARTED)
            .willSetStateTo("ok").willReturn(aResponse().withStatus(400).withBody("{\"__type\":\"ThrottlingException\",\"Message\":\"Slow down\"}")));
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).inScenario("th").whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200).withBody("{\"FaceRecords\":[{\"Face\":" + FACE + "}]}")));
        try (RekofaceClient c = client().retryPolicy(fast).build()) {
            assertThat(c.collection("faces").index(ImageSource.fromBytes(TestImages.fixture("biden.jpg")), "joe biden").indexed()).hasSize(1);
        }
        assertThat(reko.requests(Operation.SEARCH_FACES_BY_IMAGE)).as("a throttled request was never applied").isEmpty();
        assertThat(reko.requests(Operation.INDEX_FACES)).hasSize(2);
    }

    // ---- stored faces ------------------------------------------------------------------------------------------

    /** Records every storedFacesChanged call as "OPERATION:change". */
    private static final class StoredFaces implements MetricsListener {
        final List<String> changes = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void storedFacesChanged(Operation operation, int change) {
            changes.add(operation.wireName() + ":" + change);
        }
    }

    @Test
    void storedFacesChanged_indexThenForget_reportsFacesStoredAndDeleted() {
        reko.answerJson(Operation.INDEX_FACES, "{\"FaceRecords\":[{\"Face\":" + FACE + "}],\"FaceModelVersion\":\"7.0\"}");
        String list = Operation.LIST_FACES.target();
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(list)).inScenario("f").whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(200).withBody("{\"Faces\":[" + FACE + "]}")));
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(list)).inScenario("f").whenScenarioStateIs("deleted")
            .willReturn(aResponse().withStatus(200).withBody("{\"Faces\":[]}")));
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(Operation.DELETE_FACES.target())).inScenario("f")
            .willSetStateTo("deleted").willReturn(aResponse().withStatus(200)
                .withBody("{\"DeletedFaces\":[\"11111111-2222-3333-4444-555555555555\"]}")));
        reko.answerJson(Operation.DELETE_USER, "{}");
        StoredFaces listener = new StoredFaces();
        try (RekofaceClient c = client().retryPolicy(fast).metricsListener(listener).build()) {
            FaceCollection faces = c.collection("faces");
            faces.index(ImageSource.fromBytes(TestImages.fixture("biden.jpg")), "joe biden");
            assertThat(faces.forget("joe biden").deletedFaceIds()).hasSize(1);
        }
        assertThat(listener.changes).containsExactly("IndexFaces:1", "DeleteFaces:-1");
    }

    @Test
    void storedFacesChanged_asyncIndex_reportsOnlyFacesActuallyStored() {
        StoredFaces listener = new StoredFaces();
        try (RekofaceAsyncClient c = asyncClient().retryPolicy(fast).metricsListener(listener).build()) {
            AsyncFaceCollection faces = c.collection("faces");
            // one face stored: reported, so the async client is wired to the listener at all
            reko.answerJson(Operation.INDEX_FACES, "{\"FaceRecords\":[{\"Face\":" + FACE + "}],\"FaceModelVersion\":\"7.0\"}");
            assertThat(faces.index(ImageSource.fromBytes(TestImages.fixture("biden.jpg")), "joe biden").join().indexed()).hasSize(1);
            // no face stored, then a failure: nothing more reported
            reko.answerJson(Operation.INDEX_FACES, "{\"FaceRecords\":[],\"UnindexedFaces\":[],\"FaceModelVersion\":\"7.0\"}");
            assertThat(faces.index(ImageSource.fromBytes(TestImages.fixture("biden.jpg")), "nobody").join().indexed()).isEmpty();
            reko.fail(Operation.INDEX_FACES, 400, "ResourceNotFoundException", "The collection id: faces does not exist");
            assertThatThrownBy(() -> faces.index(ImageSource.fromBytes(TestImages.fixture("biden.jpg")), "nobody").join())
                .hasCauseInstanceOf(NotFoundException.class);
        }
        assertThat(listener.changes).containsExactly("IndexFaces:1");
    }
}
