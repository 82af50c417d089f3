package dev.rekoface;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.mapper.FaceMapper;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.support.RekognitionWireMock;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.FaceRecord;
import software.amazon.awssdk.services.rekognition.model.IndexFacesResponse;

/** Every recorded response of the three sets maps without error, including the hand-edited ones. */
class RecordedResponsesTest {
    @RegisterExtension
    static RekognitionWireMock reko = RekognitionWireMock.create();

    static Stream<String> detectFacesResponses() {
        return Fixtures.responseNames().stream().filter(n -> n.matches(".*/(DetectFaces\\.response.*|detect-faces_.*)"));
    }

    static Stream<String> compareFacesResponses() {
        return Fixtures.responseNames().stream().filter(n -> n.matches(".*/(CompareFaces\\.response.*|compare-faces_.*)"));
    }

    static Stream<String> indexFacesResponses() {
        return Fixtures.responseNames().stream().filter(n -> n.matches(".*/IndexFaces\\.response.*"));
    }

    @ParameterizedTest
    @MethodSource("detectFacesResponses")
    void detectFaces_everyRecording_maps(String fixture) {
        reko.answer(Operation.DETECT_FACES, fixture);
        try (RekofaceClient client = reko.client()) {
            List<FaceDetails> faces = client.detectFaces(ImageSource.fromS3("bucket", "key"), FaceAttributes.ALL);
            assertThat(faces).isNotEmpty();
            assertThat(faces).allSatisfy(f -> assertThat(f.landmarks()).isNotEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("compareFacesResponses")
    void compareFaces_everyRecording_maps(String fixture) {
        reko.answer(Operation.COMPARE_FACES, fixture);
        try (RekofaceClient client = reko.client()) {
            FaceComparison cmp = client.compareFaces(ImageSource.fromS3("bucket", "a"), ImageSource.fromS3("bucket", "b"));
            assertThat(cmp.sourceFace()).isPresent();
            assertThat(cmp.matches().size() + cmp.unmatchedFaces().size()).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("indexFacesResponses")
    void indexFaces_everyRecordedFaceDetail_maps(String fixture) {
        reko.answer(Operation.INDEX_FACES, fixture);
        try (RekognitionClient raw = reko.rawClient()) {
            IndexFacesResponse response = raw.indexFaces(b -> b.collectionId("c").image(i -> i.s3Object(o -> o.bucket("bucket").name("k"))));
            List<FaceDetails> faces = new ArrayList<>();
            for (FaceRecord r : response.faceRecords()) {
                faces.add(FaceMapper.face(r.faceDetail(), null));
            }
            response.unindexedFaces().forEach(u -> faces.add(FaceMapper.face(u.faceDetail(), null)));
            assertThat(faces).isNotEmpty();
        }
    }

    @Test
    void detectFaces_handEditedSdkExample_keepsImpossibleLandmarksAndDuplicates() {
        reko.answer(Operation.DETECT_FACES, "sdk-examples/DetectFaces.response.json");
        try (RekofaceClient client = reko.client()) {
            FaceDetails face = client.detectFaces(ImageSource.fromS3("bucket", "key")).get(0);
            assertThat(face.landmarks()).extracting(l -> l.type()).containsExactly(LandmarkType.EYE_LEFT,
                LandmarkType.EYE_RIGHT, LandmarkType.EYE_RIGHT, LandmarkType.MOUTH_DOWN, LandmarkType.MOUTH_UP);
            assertThat(face.landmark(LandmarkType.EYE_RIGHT).get().position().x()).isEqualTo(0.7266660928726196,
                org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @Test
    void indexFaces_sharpnessAbove100_isKeptAsReported() {
        reko.answer(Operation.INDEX_FACES, "sdk-examples/IndexFaces.response.json");
        try (RekognitionClient raw = reko.rawClient()) {
            IndexFacesResponse response = raw.indexFaces(b -> b.collectionId("c").image(i -> i.s3Object(o -> o.bucket("bucket").name("k"))));
            List<FaceDetails> faces = response.faceRecords().stream().map(r -> FaceMapper.face(r.faceDetail(), null)).toList();
            assertThat(faces).anySatisfy(f -> assertThat(f.quality().get().sharpness()).isGreaterThan(100));
            assertThat(faces).anySatisfy(f -> assertThat(f.landmarks()).extracting(l -> l.rawType()).contains("noseLeft"));
        }
    }
}
