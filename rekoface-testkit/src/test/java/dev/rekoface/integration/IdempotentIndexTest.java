package dev.rekoface.integration;

import static dev.rekoface.integration.CollectionsTest.OBAMA;
import static dev.rekoface.integration.CollectionsTest.img;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.FaceCollection;
import dev.rekoface.Operation;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.model.IndexResult;
import dev.rekoface.retry.Backoff;
import dev.rekoface.retry.OperationMetrics;
import dev.rekoface.retry.RetryPolicy;
import dev.rekoface.testkit.emulator.FaultProfile;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.junit.LocalRekognition;
import dev.rekoface.testkit.junit.LocalRekognitionEndpoint;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * IndexFaces is not idempotent: when the service stored the face but the answer was lost, a blind retry stores it
 * twice. rekoface checks before indexing again, so exactly one face is left.
 */
@LocalRekognition
class IdempotentIndexTest {
    private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(4).backoff(Backoff.fixed(Duration.ofMillis(10))).build();

    private static RekofaceClient client(URI endpoint, OperationMetrics metrics) {
        return RekofaceClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .retryPolicy(FAST).metricsListener(metrics).build();
    }

    @Test
    void index_responseLostAfterSuccess_leavesExactlyOneFace(@LocalRekognitionEndpoint URI endpoint, RekognitionEmulator emulator) {
        OperationMetrics metrics = new OperationMetrics();
        try (RekofaceClient reko = client(endpoint, metrics)) {
            FaceCollection c = reko.collection("lost");
            c.create();
            emulator.setFaults(Operation.INDEX_FACES, FaultProfile.builder().lostResponseRate(1.0).build());
            IndexResult r = c.index(img("obama.jpg"), OBAMA);
            assertThat(r.indexed()).singleElement().satisfies(f -> assertThat(f.personId()).contains(OBAMA));
            emulator.clearFaults();
            assertThat(c.describe().faceCount()).as("faces stored").isEqualTo(1);
            assertThat(c.facesOf(OBAMA)).extracting(f -> f.faceId()).containsExactly(r.indexed().get(0).faceId());
        }
        assertThat(emulator.counters().requests(Operation.INDEX_FACES)).as("IndexFaces sent once, answer lost").isEqualTo(1);
        assertThat(metrics.counts(Operation.INDEX_FACES).retries()).isEqualTo(1);
    }

    @Test
    void index_asyncResponseLostAfterSuccess_leavesExactlyOneFace(@LocalRekognitionEndpoint URI endpoint,
                                                                  RekognitionEmulator emulator) {
        try (RekofaceAsyncClient reko = RekofaceAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .retryPolicy(FAST).build()) {
            reko.collection("lost-async").create().join();
            emulator.setFaults(Operation.INDEX_FACES, FaultProfile.builder().lostResponseRate(1.0).build());
            IndexResult r = reko.collection("lost-async").index(img("obama.jpg"), OBAMA).join();
            emulator.clearFaults();
            assertThat(r.indexed()).hasSize(1);
            assertThat(reko.collection("lost-async").describe().join().faceCount()).isEqualTo(1);
        }
    }

    @Test
    void blindRetry_withTheRawSdk_storesTheFaceTwice(RekognitionClient raw, RekognitionEmulator emulator) {
        // What rekoface prevents: the SDK's own retry after a lost answer indexes again.
        raw.createCollection(b -> b.collectionId("blind"));
        emulator.setFaults(Operation.INDEX_FACES, FaultProfile.builder().lostResponseRate(1.0).build());
        try {
            raw.indexFaces(b -> b.collectionId("blind").externalImageId("x")
                .image(i -> i.bytes(software.amazon.awssdk.core.SdkBytes.fromByteArray(
                    dev.rekoface.testkit.fixtures.Fixtures.image("obama.jpg").bytes()))));
        } catch (RuntimeException expected) {
            // every answer is lost
        }
        emulator.clearFaults();
        assertThat(raw.describeCollection(b -> b.collectionId("blind")).faceCount()).isGreaterThan(1L);
    }

    @Test
    void index_serverErrorBeforeStoring_indexesAgain(@LocalRekognitionEndpoint URI endpoint, RekognitionEmulator emulator) {
        OperationMetrics metrics = new OperationMetrics();
        try (RekofaceClient reko = client(endpoint, metrics)) {
            FaceCollection c = reko.collection("err");
            c.create();
            emulator.setFaults(Operation.INDEX_FACES, FaultProfile.builder().internalErrorRate(1.0).build());
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                emulator.clearFaults();
            });
            releaser.start();
            RetryPolicy patient = RetryPolicy.builder().maxAttempts(20).backoff(Backoff.fixed(Duration.ofMillis(50))).build();
            try (RekofaceClient slow = RekofaceClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .retryPolicy(patient).build()) {
                assertThat(slow.collection("err").index(img("obama.jpg"), OBAMA).indexed()).hasSize(1);
            }
            assertThat(c.describe().faceCount()).isEqualTo(1);
        }
    }
}
