package dev.rekoface.batch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.S3ImageReference;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.support.RekognitionWireMock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;

class BatchTest {
    @RegisterExtension
    static RekognitionWireMock reko = RekognitionWireMock.create();

    @BeforeEach
    void setUp() {
        reko.stubFor(post("/").atPriority(5).willReturn(aResponse().withStatus(200).withBody("{\"FaceDetails\":[]}")));
        reko.stubFor(post("/").atPriority(1).withRequestBody(containing("bad-")).willReturn(aResponse().withStatus(400)
            .withBody("{\"__type\":\"InvalidS3ObjectException\",\"Message\":\"Unable to get object metadata from S3\"}")));
    }

    private RekofaceAsyncClient asyncClient() {
        return RekofaceAsyncClient.builder().endpointOverride(reko.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(RekognitionWireMock.credentials()).rateLimit(RateLimit.unlimited()).build();
    }

    private static List<S3ImageReference> images(int n) {
        return IntStream.range(0, n).mapToObj(i -> ImageSource.fromS3("photos", (i % 7 == 3 ? "bad-" : "ok-") + i + ".jpg")).toList();
    }

    private Map<String, Long> requestsPerKey() {
        return reko.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString().replaceAll(".*\"Name\":\"([^\"]+)\".*", "$1"))
            .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
    }

    @Test
    void runAsync_givesOneOutcomePerItemAndRunsEachOnce() {
        List<S3ImageReference> input = images(60);
        List<BatchProgress> progress = new CopyOnWriteArrayList<>();
        List<BatchOutcome<S3ImageReference, List<FaceDetails>>> outcomes = new ArrayList<>();
        try (RekofaceAsyncClient reko = asyncClient();
             BatchRun<S3ImageReference, List<FaceDetails>> run = Batch.of(input).concurrency(8).onProgress(progress::add)
                 .runAsync(img -> reko.detectFaces(img))) {
            run.forEach(outcomes::add);
            BatchSummary summary = run.completion().join();
            assertThat(summary.completed()).isEqualTo(60);
            assertThat(summary.failed()).isEqualTo(9);
            assertThat(summary.cancelled()).isFalse();
        }
        assertThat(outcomes).hasSize(60);
        assertThat(outcomes.stream().map(BatchOutcome::index).collect(Collectors.toSet())).hasSize(60);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
            .allSatisfy(o -> assertThat(o.item().key()).startsWith("bad-"))
            .allSatisfy(o -> assertThat(o.error().get()).hasMessageContaining("metadata"));
        assertThat(requestsPerKey()).hasSize(60).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertThat(progress).isNotEmpty();
        assertThat(progress.stream().mapToLong(BatchProgress::completed).max().getAsLong()).isEqualTo(60);
        assertThat(progress.get(0).total()).hasValue(60);
    }

    @Test
    void run_blockingClient_givesOneOutcomePerItem() {
        List<S3ImageReference> input = images(30);
        try (RekofaceClient reko = RekofaceClient.builder().endpointOverride(this.reko.endpoint()).region(Region.US_EAST_1)
                 .credentialsProvider(RekognitionWireMock.credentials()).build();
             BatchRun<S3ImageReference, List<FaceDetails>> run = Batch.of(input).concurrency(4).run(reko::detectFaces)) {
            List<BatchOutcome<S3ImageReference, List<FaceDetails>>> all = run.stream().toList();
            assertThat(all).hasSize(30);
            assertThat(all.stream().filter(BatchOutcome::succeeded).count()).isEqualTo(30 - 4);
        }
        assertThat(requestsPerKey()).hasSize(30).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void onOutcome_deliversEveryOutcomeToTheCallback() {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        try (RekofaceAsyncClient reko = asyncClient()) {
            BatchRun<S3ImageReference, List<FaceDetails>> run = Batch.of(images(25)).concurrency(5)
                .<List<FaceDetails>>onOutcome(o -> seen.add(o.index()))
                .runAsync(reko::detectFaces);
            run.completion().join();
            assertThat(run.iterator().hasNext()).isFalse();
        }
        assertThat(seen).hasSize(25);
    }

    @Test
    void cancel_stopsStartingItemsAndEveryStartedItemKeepsItsOutcome() {
        reko.stubFor(post("/").atPriority(2).willReturn(aResponse().withStatus(200).withBody("{\"FaceDetails\":[]}").withFixedDelay(20)));
        AtomicInteger taken = new AtomicInteger();
        Stream<S3ImageReference> lazy = IntStream.range(0, 100_000).peek(i -> taken.incrementAndGet())
            .mapToObj(i -> ImageSource.fromS3("photos", "ok-" + i + ".jpg"));
        List<BatchOutcome<S3ImageReference, List<FaceDetails>>> outcomes = new ArrayList<>();
        BatchSummary summary;
        try (RekofaceAsyncClient reko = asyncClient();
             BatchRun<S3ImageReference, List<FaceDetails>> run = Batch.of(lazy).concurrency(4).runAsync(reko::detectFaces)) {
            for (BatchOutcome<S3ImageReference, List<FaceDetails>> o : run) {
                outcomes.add(o);
                if (outcomes.size() == 10) {
                    run.cancel();
                }
            }
            summary = run.completion().join();
        }
        assertThat(summary.cancelled()).isTrue();
        assertThat(taken.get()).isLessThan(100);
        assertThat((long) outcomes.size()).isEqualTo(summary.completed()).isEqualTo(taken.get());
        Set<Long> indices = new HashSet<>();
        outcomes.forEach(o -> indices.add(o.index()));
        assertThat(indices).hasSize(outcomes.size());
    }

    @Test
    void slowConsumer_holdsAtMostConcurrencyUnconsumedItems() throws Exception {
        AtomicInteger taken = new AtomicInteger();
        Stream<S3ImageReference> lazy = IntStream.range(0, 10_000).peek(i -> taken.incrementAndGet())
            .mapToObj(i -> ImageSource.fromS3("photos", "ok-" + i + ".jpg"));
        try (RekofaceAsyncClient reko = asyncClient();
             BatchRun<S3ImageReference, List<FaceDetails>> run = Batch.of(lazy).concurrency(6).runAsync(reko::detectFaces)) {
            var it = run.iterator();
            it.next();
            Thread.sleep(300);
            assertThat(taken.get()).isLessThanOrEqualTo(6 + 1);
            run.cancel();
        }
    }

    @Test
    void concurrency_outOfRange_refused() {
        assertThatThrownBy(() -> Batch.of(List.of(1)).concurrency(0)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("concurrency 0");
    }
}
