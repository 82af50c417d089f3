package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import tools.jackson.databind.ObjectMapper;
import dev.rekoface.Operation;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.RekognitionException;

/** Quotas and injected faults, seen from raw HTTP clients and the SDK, and the counters that report them. */
@LocalRekognition
class EmulatorFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static HttpResponse<String> post(URI endpoint, Operation op, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", op.target()).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tpsQuota_concurrentBurstBeyondIt_isThrottledNotQueued(RekognitionEmulator emu) throws Exception {
        // a bucket of 5 refilled at 1 per second: a burst of 20 gets 5 through (a few more only if the burst is slow to arrive)
        emu.setFaults(Operation.LIST_COLLECTIONS, FaultProfile.builder().tpsQuota(1).burst(5).latency(Duration.ofMillis(100)).build());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return post(emu.endpoint(), Operation.LIST_COLLECTIONS, "{}");
                }));
            }
            go.countDown();
            int ok = 0;
            int throttled = 0;
            for (Future<HttpResponse<String>> f : futures) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 200) {
                    ok++;
                } else {
                    assertThat(r.statusCode()).isEqualTo(400);
                    assertThat(JSON.readTree(r.body()).get("__type").asString()).isEqualTo("ProvisionedThroughputExceededException");
                    throttled++;
                }
            }
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ok).isBetween(5, 7);
            assertThat(throttled).isEqualTo(20 - ok);
            // throttled requests were answered at once, not queued behind the quota (20 requests at 5 TPS would take 4 s)
            assertThat(elapsedMs).isLessThan(2500);
            assertThat(emu.counters().requests(Operation.LIST_COLLECTIONS)).isEqualTo(20);
            assertThat(emu.counters().throttled(Operation.LIST_COLLECTIONS)).isEqualTo(throttled);
            assertThat(emu.counters().succeeded(Operation.LIST_COLLECTIONS)).isEqualTo(ok);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tpsQuota_otherOperations_areNotAffected(RekognitionEmulator emu) throws Exception {
        emu.setFaults(Operation.LIST_COLLECTIONS, FaultProfile.builder().tpsQuota(1).build());
        post(emu.endpoint(), Operation.LIST_COLLECTIONS, "{}");
        assertThat(post(emu.endpoint(), Operation.LIST_COLLECTIONS, "{}").statusCode()).isEqualTo(400);
        assertThat(post(emu.endpoint(), Operation.DESCRIBE_COLLECTION, "{\"CollectionId\":\"x\"}").body()).contains("ResourceNotFoundException");
    }

    @Test
    void throttleErrorCode_throttlingException_isUsed(RekognitionEmulator emu) throws Exception {
        emu.setFaults(FaultProfile.builder().tpsQuota(1).throttleErrorCode("ThrottlingException").build());
        post(emu.endpoint(), Operation.LIST_COLLECTIONS, "{}");
        HttpResponse<String> r = post(emu.endpoint(), Operation.LIST_COLLECTIONS, "{}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("ThrottlingException");
    }

    @Test
    void internalErrorRate_roughlyHonoured_andCounted(RekognitionEmulator emu) throws Exception {
        emu.setFaults(Operation.LIST_COLLECTIONS, FaultProfile.builder().internalErrorRate(0.3).build());
        int errors = 0;
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> r = post(emu.endpoint(), Operation.LIST_COLLECTIONS, "{}");
            if (r.statusCode() == 500) {
                assertThat(JSON.readTree(r.body()).get("__type").asString()).isEqualTo("InternalServerError");
                errors++;
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        assertThat(errors).isBetween(60, 120);
        assertThat(emu.counters().faulted(Operation.LIST_COLLECTIONS)).isEqualTo(errors);
        assertThat(emu.counters().requests(Operation.LIST_COLLECTIONS)).isEqualTo(300);
    }

    @Test
    void connectionReset_rawClientGetsNoAnswer_andNothingHappens(RekognitionEmulator emu) throws Exception {
        emu.setFaults(Operation.CREATE_COLLECTION, FaultProfile.builder().connectionResetRate(1.0).build());
        assertThatThrownBy(() -> post(emu.endpoint(), Operation.CREATE_COLLECTION, "{\"CollectionId\":\"reset\"}"))
            .isInstanceOf(IOException.class);
        emu.clearFaults();
        assertThat(post(emu.endpoint(), Operation.DESCRIBE_COLLECTION, "{\"CollectionId\":\"reset\"}").body())
            .contains("ResourceNotFoundException");
        assertThat(emu.counters().faulted(Operation.CREATE_COLLECTION)).isEqualTo(1);
    }

    @Test
    void lostResponse_rawClientGetsNoAnswer_butTheMutationHappened(RekognitionEmulator emu) throws Exception {
        emu.setFaults(Operation.CREATE_COLLECTION, FaultProfile.builder().lostResponseRate(1.0).build());
        assertThatThrownBy(() -> post(emu.endpoint(), Operation.CREATE_COLLECTION, "{\"CollectionId\":\"lost\"}"))
            .isInstanceOf(IOException.class);
        emu.clearFaults();
        assertThat(post(emu.endpoint(), Operation.DESCRIBE_COLLECTION, "{\"CollectionId\":\"lost\"}").statusCode()).isEqualTo(200);
        assertThat(emu.counters().faulted(Operation.CREATE_COLLECTION)).isEqualTo(1);
        assertThat(emu.counters().succeeded(Operation.CREATE_COLLECTION)).isZero();
    }

    @Test
    void lostResponse_sdkRetry_seesTheSideEffectOfItsFirstAttempt(RekognitionClient sdk, RekognitionEmulator emu) {
        emu.setFaults(Operation.CREATE_COLLECTION, FaultProfile.builder().lostResponseRate(1.0).build());
        // the SDK retries the lost answer; the collection exists by then, as after a real lost response
        assertThatThrownBy(() -> sdk.createCollection(r -> r.collectionId("twice"))).isInstanceOf(Exception.class);
        assertThat(emu.counters().requests(Operation.CREATE_COLLECTION)).isGreaterThan(1);
        emu.clearFaults();
        assertThat(sdk.describeCollection(r -> r.collectionId("twice")).faceCount()).isZero();
    }

    @Test
    void internalErrors_sdkRetries_areAllCountedAsAttempts(RekognitionClient sdk, RekognitionEmulator emu) {
        emu.setFaults(Operation.LIST_COLLECTIONS, FaultProfile.builder().internalErrorRate(1.0).build());
        assertThatThrownBy(sdk::listCollections).isInstanceOf(RekognitionException.class)
            .satisfies(e -> assertThat(((RekognitionException) e).statusCode()).isEqualTo(500));
        // the SDK retried (its default mode makes up to 4 attempts); the server saw and faulted each of them
        long attempts = emu.counters().requests(Operation.LIST_COLLECTIONS);
        assertThat(attempts).isBetween(3L, 4L);
        assertThat(emu.counters().faulted(Operation.LIST_COLLECTIONS)).isEqualTo(attempts);
        assertThat(emu.counters().totalRequests()).isEqualTo(attempts);
    }

    @Test
    void latency_isAddedToAcceptedRequests(RekognitionEmulator emu) throws Exception {
        emu.setFaults(Operation.LIST_COLLECTIONS, FaultProfile.builder().latency(Duration.ofMillis(300)).build());
        long t0 = System.nanoTime();
        post(emu.endpoint(), Operation.LIST_COLLECTIONS, "{}");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void seed_sameSeedSameRequests_meetTheSameFaults() throws Exception {
        List<Integer> a = statuses(7);
        List<Integer> b = statuses(7);
        List<Integer> c = statuses(8);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    private static List<Integer> statuses(long seed) throws Exception {
        try (RekognitionEmulator emu = RekognitionEmulator.builder().seed(seed).logRequests(false)
            .faults(FaultProfile.builder().internalErrorRate(0.5).build()).start()) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                out.add(post(emu.endpoint(), Operation.LIST_COLLECTIONS, "{}").statusCode());
            }
            return out;
        }
    }

    @Test
    void faultProfile_badValues_areRejectedWhenSet() {
        assertThatThrownBy(() -> FaultProfile.builder().internalErrorRate(1.5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("1.5");
        assertThatThrownBy(() -> FaultProfile.builder().tpsQuota(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultProfile.builder().throttleErrorCode("SlowDown")).isInstanceOf(IllegalArgumentException.class);
    }
}
