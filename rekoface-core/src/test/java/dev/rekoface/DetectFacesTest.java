package dev.rekoface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.EmotionType;
import dev.rekoface.model.FaceAttribute;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.GenderType;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.model.PixelBox;
import dev.rekoface.support.RekognitionWireMock;
import dev.rekoface.support.TestImages;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DetectFacesTest {
    @RegisterExtension
    static RekognitionWireMock reko = RekognitionWireMock.create();


    @Test
    void detectFaces_allAttributes_mapsEveryField() {
        reko.answer(Operation.DETECT_FACES, "aws-developer-guide/DetectFaces.response_ALL.json");
        try (RekofaceClient client = reko.client()) {
            List<FaceDetails> faces = client.detectFaces(ImageSource.fromBytes(TestImages.fixture("obama.jpg")), FaceAttributes.ALL);
            assertThat(faces).hasSize(1);
            FaceDetails face = faces.get(0);
            assertThat(face.ageRange()).isPresent();
            assertThat(face.ageRange().get().low()).isLessThanOrEqualTo(face.ageRange().get().high());
            assertThat(face.gender()).get().extracting(g -> g.value()).isIn(GenderType.MALE, GenderType.FEMALE);
            assertThat(face.smile()).isPresent();
            assertThat(face.eyeglasses()).isPresent();
            assertThat(face.sunglasses()).isPresent();
            assertThat(face.beard()).isPresent();
            assertThat(face.mustache()).isPresent();
            assertThat(face.eyesOpen()).isPresent();
            assertThat(face.mouthOpen()).isPresent();
            assertThat(face.emotions()).isNotEmpty();
            assertThat(face.dominantEmotion()).isPresent();
            assertThat(face.landmarks()).hasSize(30);
            assertThat(face.landmarks()).extracting(l -> l.type()).doesNotContain(LandmarkType.UNKNOWN);
            assertThat(face.pose()).isPresent();
            assertThat(face.quality()).isPresent();
            assertThat(face.confidence()).isPresent();
        }
    }

    @Test
    void detectFaces_allAttributes_valuesEqualTheRecordedJson() throws Exception {
        String fixture = "aws-developer-guide/DetectFaces.response_ALL.json";
        reko.answer(Operation.DETECT_FACES, fixture);
        JsonNode json = new ObjectMapper().readTree(dev.rekoface.testkit.fixtures.Fixtures.response(fixture)).get("FaceDetails").get(0);
        try (RekofaceClient client = reko.client()) {
            FaceDetails face = client.detectFaces(ImageSource.fromBytes(TestImages.fixture("obama.jpg")), FaceAttributes.ALL).get(0);
            assertThat(face.boundingBox().left()).isCloseTo(json.at("/BoundingBox/Left").asDouble(), within(1e-6));
            assertThat(face.boundingBox().width()).isCloseTo(json.at("/BoundingBox/Width").asDouble(), within(1e-6));
            assertThat(face.ageRange().get().low()).isEqualTo(json.at("/AgeRange/Low").asInt());
            assertThat(face.smile().get().value()).isEqualTo(json.at("/Smile/Value").asBoolean());
            assertThat(face.pose().get().yaw()).isCloseTo(json.at("/Pose/Yaw").asDouble(), within(1e-4));
            JsonNode best = null;
            for (JsonNode e : json.get("Emotions")) {
                if (best == null || e.get("Confidence").asDouble() > best.get("Confidence").asDouble()) {
                    best = e;
                }
            }
            assertThat(face.dominantEmotion().get().rawType()).isEqualTo(best.get("Type").asString());
            assertThat(face.landmark(LandmarkType.EYE_LEFT).get().position().x())
                .isCloseTo(json.at("/Landmarks/0/X").asDouble(), within(1e-6));
        }
    }

    @Test
    void detectFaces_defaultAttributes_leavesOptionalAttributesEmptyAndSendsDefault() {
        reko.answer(Operation.DETECT_FACES, "seed-workshop/detect-faces_ric_harvey.json");
        try (RekofaceClient client = reko.client()) {
            FaceDetails face = client.detectFaces(ImageSource.fromS3("image-demo-lab", "ric_harvey.jpeg")).get(0);
            assertThat(face.ageRange()).isEmpty();
            assertThat(face.gender()).isEmpty();
            assertThat(face.smile()).isEmpty();
            assertThat(face.emotions()).isEmpty();
            assertThat(face.dominantEmotion()).isEmpty();
            assertThat(face.landmarks()).extracting(l -> l.type()).containsExactly(
                LandmarkType.EYE_LEFT, LandmarkType.EYE_RIGHT, LandmarkType.MOUTH_LEFT, LandmarkType.MOUTH_RIGHT, LandmarkType.NOSE);
            assertThat(face.imageSize()).isEmpty();
            assertThat(face.pixelBox()).isEmpty();
        }
        String body = reko.requests(Operation.DETECT_FACES).get(0).getBodyAsString();
        assertThat(body).contains("\"Attributes\":[\"DEFAULT\"]").contains("\"S3Object\":{\"Bucket\":\"image-demo-lab\",\"Name\":\"ric_harvey.jpeg\"}");
    }

    @Test
    void detectFaces_chosenAttributes_sendsDefaultPlusThem() {
        reko.answer(Operation.DETECT_FACES, "seed-workshop/detect-faces_ric_harvey.json");
        try (RekofaceClient client = reko.client()) {
            client.detectFaces(ImageSource.fromS3("b1b", "k"), FaceAttributes.of(FaceAttribute.EMOTIONS, FaceAttribute.AGE_RANGE));
        }
        assertThat(reko.requests(Operation.DETECT_FACES).get(0).getBodyAsString())
            .contains("\"Attributes\":[\"DEFAULT\",\"AGE_RANGE\",\"EMOTIONS\"]");
    }

    @Test
    void detectFaces_localImage_sendsTheBytesAsBase64() {
        reko.answerJson(Operation.DETECT_FACES, "{\"FaceDetails\":[]}");
        byte[] bytes = TestImages.fixture("coffee.png");
        try (RekofaceClient client = reko.client()) {
            assertThat(client.detectFaces(ImageSource.fromBytes(bytes))).isEmpty();
        }
        assertThat(reko.requests(Operation.DETECT_FACES).get(0).getBodyAsString())
            .contains(java.util.Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void detectFaces_async_givesTheSameFacesAsSync() {
        reko.answer(Operation.DETECT_FACES, "aws-developer-guide/DetectFaces.response_ALL.json");
        ImageSource image = ImageSource.fromBytes(TestImages.fixture("obama.jpg"));
        try (RekofaceClient sync = reko.client(); RekofaceAsyncClient async = reko.asyncClient()) {
            List<FaceDetails> fromSync = sync.detectFaces(image, FaceAttributes.ALL);
            List<FaceDetails> fromAsync = async.detectFaces(image, FaceAttributes.ALL).join();
            assertThat(fromAsync).isEqualTo(fromSync).hasSize(1);
        }
    }

    @Test
    void detectFaces_asyncNoFace_completesWithEmptyList() {
        reko.answerJson(Operation.DETECT_FACES, "{\"FaceDetails\":[]}");
        try (RekofaceAsyncClient async = reko.asyncClient()) {
            assertThat(async.detectFaces(ImageSource.fromBytes(TestImages.fixture("coffee.png"))).join()).isEmpty();
        }
    }

    @Test
    void detectFaces_exifRotatedJpeg_givesPixelBoxesInTheUprightFrame() {
        // The catalogue's box for astronaut-exif-rotated.jpg, as ratios of the displayed 512x384 image.
        reko.answerJson(Operation.DETECT_FACES, "{\"FaceDetails\":[{\"BoundingBox\":{\"Left\":0.3435,\"Top\":0.1273,\"Width\":0.1948,"
            + "\"Height\":0.3356},\"Confidence\":99.9,\"Landmarks\":[{\"Type\":\"eyeLeft\",\"X\":0.3975,\"Y\":0.2645}]}]}");
        LocalImage image = ImageSource.fromBytes(TestImages.fixture("astronaut-exif-rotated.jpg"));
        assertThat(image.storedSize().width()).isEqualTo(384);
        assertThat(image.exifOrientation()).isEqualTo(6);
        assertThat(image.displayedSize().width()).isEqualTo(512);
        assertThat(image.displayedSize().height()).isEqualTo(384);
        try (RekofaceClient client = reko.client()) {
            FaceDetails face = client.detectFaces(image).get(0);
            PixelBox box = face.pixelBox().orElseThrow();
            // the service's numbers are 32-bit floats: compare to a thousandth of a pixel
            assertThat(box.left()).isCloseTo(0.3435 * 512, within(1e-3));
            assertThat(box.top()).isCloseTo(0.1273 * 384, within(1e-3));
            assertThat(box.width()).isCloseTo(0.1948 * 512, within(1e-3));
            assertThat(box.height()).isCloseTo(0.3356 * 384, within(1e-3));
            assertThat(face.pixelLandmark(LandmarkType.EYE_LEFT).orElseThrow().x()).isCloseTo(0.3975 * 512, within(1e-3));
        }
    }

    @Test
    void detectFaces_emotionsWithUnknownType_mapToUnknownKeepingTheRawString() {
        reko.answerJson(Operation.DETECT_FACES, "{\"FaceDetails\":[{\"BoundingBox\":{\"Left\":0.1,\"Top\":0.1,\"Width\":0.2,\"Height\":0.3},"
            + "\"Emotions\":[{\"Type\":\"EXCITED\",\"Confidence\":70.0},{\"Type\":\"CALM\",\"Confidence\":20.0}],"
            + "\"Landmarks\":[{\"Type\":\"earLobeLeft\",\"X\":0.2,\"Y\":0.2}],\"Gender\":{\"Value\":\"Other\",\"Confidence\":51.0}}]}");
        try (RekofaceClient client = reko.client()) {
            FaceDetails face = client.detectFaces(ImageSource.fromS3("b1b", "k"), FaceAttributes.ALL).get(0);
            assertThat(face.dominantEmotion().get().type()).isEqualTo(EmotionType.UNKNOWN);
            assertThat(face.dominantEmotion().get().rawType()).isEqualTo("EXCITED");
            assertThat(face.landmarks().get(0).type()).isEqualTo(LandmarkType.UNKNOWN);
            assertThat(face.landmarks().get(0).rawType()).isEqualTo("earLobeLeft");
            assertThat(face.gender().get().value()).isEqualTo(GenderType.UNKNOWN);
            assertThat(face.gender().get().rawValue()).isEqualTo("Other");
        }
    }
}
