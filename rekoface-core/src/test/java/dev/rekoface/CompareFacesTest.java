package dev.rekoface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rekoface.image.ImageSource;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.Match;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.Threshold;
import dev.rekoface.support.RekognitionWireMock;
import dev.rekoface.support.TestImages;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CompareFacesTest {
    @RegisterExtension
    static RekognitionWireMock reko = RekognitionWireMock.create();

    private final ImageSource ric = ImageSource.fromS3("image-demo-lab", "ric_harvey.jpeg");
    private final ImageSource crowd = ImageSource.fromS3("image-demo-lab", "ric_crowd1.jpg");

    @Test
    void compareFaces_crowd_oneMatchAndFourUnmatchedWithANegativeLeft() {
        reko.answer(Operation.COMPARE_FACES, "seed-workshop/compare-faces_ric_harvey_vs_ric_crowd1.json");
        try (RekofaceClient client = reko.client()) {
            FaceComparison cmp = client.compareFaces(ric, crowd);
            assertThat(cmp.sourceFace()).isPresent();
            assertThat(cmp.matches()).hasSize(1);
            assertThat(cmp.bestMatch().get().similarity()).isCloseTo(98.7469, within(1e-3));
            assertThat(cmp.unmatchedFaces()).hasSize(4);
            assertThat(cmp.unmatchedFaces()).anySatisfy(f -> assertThat(f.boundingBox().left()).isNegative());
            assertThat(cmp.hasMatch()).isTrue();
        }
    }

    @Test
    void compareFaces_sendsThresholdAndQualityFilter() {
        reko.answer(Operation.COMPARE_FACES, "seed-workshop/compare-faces_ric_harvey_vs_ric.json");
        try (RekofaceClient client = reko.client()) {
            FaceComparison cmp = client.compareFaces(ric, ImageSource.fromS3("image-demo-lab", "ric.jpg"),
                Threshold.percent(90), QualityFilter.HIGH);
            assertThat(cmp.bestMatch().map(Match::similarity).orElseThrow()).isCloseTo(99.2726, within(1e-3));
        }
        String body = reko.requests(Operation.COMPARE_FACES).get(0).getBodyAsString();
        assertThat(body).contains("\"SimilarityThreshold\":90.0").contains("\"QualityFilter\":\"HIGH\"");
    }

    @Test
    void compareFaces_defaults_sendEightyAndNone() {
        reko.answer(Operation.COMPARE_FACES, "sdk-examples/CompareFaces.response.json");
        try (RekofaceClient client = reko.client()) {
            client.compareFaces(ric, crowd);
        }
        String body = reko.requests(Operation.COMPARE_FACES).get(0).getBodyAsString();
        assertThat(body).contains("\"SimilarityThreshold\":80.0").contains("\"QualityFilter\":\"NONE\"");
    }

    @Test
    void compareFaces_matchesAreSortedBestFirst() {
        reko.answerJson(Operation.COMPARE_FACES, "{\"SourceImageFace\":{\"BoundingBox\":{\"Left\":0.1,\"Top\":0.1,\"Width\":0.2,\"Height\":0.2},"
            + "\"Confidence\":99.0},\"FaceMatches\":[{\"Similarity\":85.0,\"Face\":{\"BoundingBox\":{\"Left\":0.5,\"Top\":0.1,"
            + "\"Width\":0.1,\"Height\":0.1}}},{\"Similarity\":97.5,\"Face\":{\"BoundingBox\":{\"Left\":0.1,\"Top\":0.1,"
            + "\"Width\":0.1,\"Height\":0.1}}}],\"UnmatchedFaces\":[]}");
        try (RekofaceClient client = reko.client()) {
            FaceComparison cmp = client.compareFaces(ric, crowd);
            assertThat(cmp.matches()).extracting(Match::similarity).containsExactly(97.5, 85.0);
        }
    }

    @Test
    void compareFaces_sourceWithoutFace_givesEmptyComparisonInsteadOfAnError() {
        reko.fail(Operation.COMPARE_FACES, 400, "InvalidParameterException", "There are no faces in the image. Should be at least 1.");
        try (RekofaceClient client = reko.client()) {
            FaceComparison cmp = client.compareFaces(ImageSource.fromBytes(TestImages.fixture("coffee.png")), crowd);
            assertThat(cmp.sourceFace()).isEmpty();
            assertThat(cmp.matches()).isEmpty();
            assertThat(cmp.hasMatch()).isFalse();
        }
    }

    @Test
    void compareFaces_asyncSourceWithoutFace_givesEmptyComparison() {
        reko.fail(Operation.COMPARE_FACES, 400, "InvalidParameterException", "Request has invalid parameters");
        try (RekofaceAsyncClient client = reko.asyncClient()) {
            FaceComparison cmp = client.compareFaces(ImageSource.fromBytes(TestImages.fixture("coffee.png")), crowd).join();
            assertThat(cmp.sourceFace()).isEmpty();
        }
    }

    @Test
    void compareFaces_otherParameterError_stillThrows() {
        reko.fail(Operation.COMPARE_FACES, 400, "InvalidParameterException", "Bucket image-demo-lab is in another region");
        try (RekofaceClient client = reko.client()) {
            assertThatThrownBy(() -> client.compareFaces(ric, crowd))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("CompareFaces")
                .hasMessageContaining("another region");
        }
    }

    @Test
    void compareFaces_async_givesTheSameResultAsSync() {
        reko.answer(Operation.COMPARE_FACES, "aws-developer-guide/CompareFaces.response.json");
        try (RekofaceClient sync = reko.client(); RekofaceAsyncClient async = reko.asyncClient()) {
            FaceComparison a = sync.compareFaces(ric, crowd, 70);
            FaceComparison b = async.compareFaces(ric, crowd, 70).join();
            assertThat(b).isEqualTo(a);
            assertThat(a.matches()).hasSize(1);
            assertThat(a.unmatchedFaces()).hasSize(1);
        }
    }

    @Test
    void compareFaces_asyncThresholdOnZeroToOneScale_failsTheFutureWithoutARequest() {
        try (RekofaceAsyncClient async = reko.asyncClient()) {
            java.util.concurrent.CompletableFuture<FaceComparison> future = async.compareFaces(ric, crowd, 0.7);
            assertThat(future).isCompletedExceptionally();
            assertThatThrownBy(future::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("did you mean 70?");
        }
        assertThat(reko.requestCount()).isZero();
    }

    @Test
    void compareFaces_asyncNullTarget_failsTheFutureWithoutARequest() {
        try (RekofaceAsyncClient async = reko.asyncClient()) {
            assertThatThrownBy(() -> async.compareFaces(ric, null).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("target must not be null");
        }
        assertThat(reko.requestCount()).isZero();
    }
}
