package dev.rekoface.testkit.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.Operation;
import dev.rekoface.RekofaceClient;
import dev.rekoface.ThrottledException;
import dev.rekoface.image.ImageSource;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.StubbedRekognition;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.RekognitionException;

/** Scripted stubs: matching on operation and image, fixtures, errors, delays, and unmatched requests failing. */
@StubbedRekognition
class RekognitionStubsTest {
    private static final byte[] OBAMA = Fixtures.image("obama.jpg").bytes();
    private static final byte[] BIDEN = Fixtures.image("biden.jpg").bytes();

    private static Image bytes(byte[] b) {
        return Image.builder().bytes(SdkBytes.fromByteArray(b)).build();
    }

    @Test
    void on_imageAndFixture_answersTheFixtureForThatImageOnly(RekognitionStubs stubs, RekognitionClient sdk) {
        stubs.on(Operation.DETECT_FACES).withImage(OBAMA).respondWithFixture("sdk-examples/DetectFaces.response.json");
        stubs.on(Operation.DETECT_FACES).respondWithJson("{\"FaceDetails\":[]}");
        assertThat(sdk.detectFaces(r -> r.image(bytes(OBAMA))).faceDetails()).isNotEmpty();
        assertThat(sdk.detectFaces(r -> r.image(bytes(BIDEN))).faceDetails()).isEmpty();
        assertThat(stubs.requestCount(Operation.DETECT_FACES)).isEqualTo(2);
    }

    @Test
    void on_s3Object_matchesBucketAndKey(RekognitionStubs stubs, RekognitionClient sdk) {
        stubs.on(Operation.DETECT_LABELS).withS3Object("photos", "ric.jpg").respondWithFixture("sdk-examples/DetectLabels.response.json");
        assertThat(sdk.detectLabels(r -> r.image(i -> i.s3Object(o -> o.bucket("photos").name("ric.jpg")))).labels()).isNotEmpty();
        assertThatThrownBy(() -> sdk.detectLabels(r -> r.image(i -> i.s3Object(o -> o.bucket("photos").name("other.jpg")))))
            .isInstanceOf(RekognitionException.class);
        assertThat(stubs.unmatchedRequests()).containsExactly("DetectLabels {Image: s3://photos/other.jpg}");
        stubs.reset(); // this test wanted the unmatched request; clear it so the extension does not fail the test
    }

    @Test
    void respondWithError_throttling_reachesRekofaceAsThrottledException(RekognitionStubs stubs, RekofaceClient reko) {
        stubs.on(Operation.DETECT_FACES).respondWithError("ThrottlingException", 400, "Slow down");
        assertThatThrownBy(() -> reko.detectFaces(ImageSource.fromBytes(OBAMA))).isInstanceOf(ThrottledException.class)
            .hasMessageContaining("Slow down");
        assertThat(stubs.requestCount(Operation.DETECT_FACES)).isGreaterThan(1); // the SDK retried
    }

    @Test
    void respondWithError_errorShape_isWhatTheSdkParses(RekognitionStubs stubs, RekognitionClient sdk) {
        stubs.on(Operation.DESCRIBE_COLLECTION).respondWithError("ResourceNotFoundException", 400, "The collection id: x does not exist");
        assertThatThrownBy(() -> sdk.describeCollection(r -> r.collectionId("x")))
            .isInstanceOf(software.amazon.awssdk.services.rekognition.model.ResourceNotFoundException.class)
            .hasMessageContaining("The collection id: x does not exist");
    }

    @Test
    void after_delay_isApplied(RekognitionStubs stubs, RekognitionClient sdk) {
        stubs.on(Operation.LIST_COLLECTIONS).after(Duration.ofMillis(400)).respondWithJson("{\"CollectionIds\":[]}");
        long t0 = System.nanoTime();
        sdk.listCollections();
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(400);
    }

    @Test
    void withMember_matchesOnlyThatValue(RekognitionStubs stubs, RekognitionClient sdk) {
        stubs.on(Operation.DESCRIBE_COLLECTION).withMember("CollectionId", "a").respondWithJson("{\"FaceCount\":3}");
        stubs.on(Operation.DESCRIBE_COLLECTION).respondWithJson("{\"FaceCount\":0}");
        assertThat(sdk.describeCollection(r -> r.collectionId("a")).faceCount()).isEqualTo(3);
        assertThat(sdk.describeCollection(r -> r.collectionId("b")).faceCount()).isZero();
    }

    @Test
    void verifyNoUnmatched_unmatchedRequest_failsNamingOperationAndImageWithoutBytes(RekognitionStubs stubs, RekognitionClient sdk) {
        assertThatThrownBy(() -> sdk.compareFaces(r -> r.sourceImage(bytes(OBAMA)).targetImage(bytes(BIDEN)).similarityThreshold(90f)))
            .isInstanceOf(RekognitionException.class).hasMessageContaining("No stub matched this request: CompareFaces");
        String sha = RequestSummary.sha256(OBAMA).substring(0, 12);
        assertThatThrownBy(stubs::verifyNoUnmatched).isInstanceOf(AssertionError.class)
            .hasMessageContaining("1 Rekognition request matched no stub")
            .hasMessageContaining("CompareFaces {SourceImage: " + OBAMA.length + " bytes, sha256 " + sha)
            .hasMessageContaining("SimilarityThreshold: 90.0")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain(java.util.Base64.getEncoder().encodeToString(OBAMA).substring(0, 40)));
        stubs.reset();
    }

    @Test
    void respondWithConnectionReset_givesAClientError(RekognitionStubs stubs, RekognitionClient sdk) {
        stubs.on(Operation.LIST_COLLECTIONS).respondWithConnectionReset();
        assertThatThrownBy(sdk::listCollections).isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
    }
}
