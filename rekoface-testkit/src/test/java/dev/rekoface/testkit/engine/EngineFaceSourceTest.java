package dev.rekoface.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.rekoface.engine.EngineFace;
import dev.rekoface.engine.EngineImageException;
import dev.rekoface.engine.Expressions;
import dev.rekoface.engine.FaceEngine;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.Emotion;
import dev.rekoface.model.EmotionType;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Landmark;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.model.Point;
import dev.rekoface.testkit.emulator.EmulatorImages;
import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.faces.FaceSource;
import dev.rekoface.testkit.faces.SourceFace;
import dev.rekoface.testkit.faces.UnreadableImageException;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.fixtures.HostileImages;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SPI adapter: engine results as Rekognition faces, engine image errors as unreadable images. */
class EngineFaceSourceTest {
    private final EngineFaceSource source = new EngineFaceSource(FaceEngine.load());

    private static EmulatorImage local(String name) {
        return EmulatorImages.fixture(name);
    }

    /** A catalogue face as FaceDetails (box and the five landmarks). */
    private static FaceDetails catalogueFace(String image) throws IOException {
        for (JsonNode im : new ObjectMapper().readTree(Fixtures.catalogueJson()).get("images")) {
            if (im.get("file").asString().equals(image)) {
                JsonNode face = im.get("faces").get(0);
                JsonNode b = face.get("boundingBox");
                FaceDetails.Builder d = FaceDetails.builder().boundingBox(new BoundingBox(b.get("left").asDouble(),
                    b.get("top").asDouble(), b.get("width").asDouble(), b.get("height").asDouble()));
                for (LandmarkType t : List.of(LandmarkType.EYE_LEFT, LandmarkType.EYE_RIGHT, LandmarkType.NOSE,
                    LandmarkType.MOUTH_LEFT, LandmarkType.MOUTH_RIGHT)) {
                    JsonNode p = face.get("landmarks").get(t.wireName());
                    d.addLandmarks(Landmark.of(t, p.get("x").asDouble(), p.get("y").asDouble()));
                }
                return d.build();
            }
        }
        throw new IllegalArgumentException(image);
    }

    @Test
    void detect_obama_returnsEngineFaceWithGeometryEmotionsAndDescriptorButNoAttributes() {
        EmulatorImage image = local("obama.jpg");
        List<SourceFace> faces = source.detect(image, Fixtures.image("obama.jpg").sha256());
        assertThat(faces).hasSize(1);
        SourceFace face = faces.get(0);
        assertThat(face.source()).isEqualTo("engine");
        assertThat(face.identity()).isEmpty();
        assertThat(face.descriptor()).hasValueSatisfying(d -> assertThat(d).hasSize(128));
        FaceDetails d = face.details();
        assertThat(d.confidence().orElseThrow()).isBetween(80.0, 100.0);
        assertThat(d.landmarks()).hasSize(5);
        assertThat(d.pose()).isPresent();
        assertThat(d.quality()).isPresent();
        assertThat(d.imageSize()).isPresent();
        assertThat(d.emotions()).hasSize(8);
        assertThat(d.dominantEmotion().orElseThrow().type()).isEqualTo(EmotionType.HAPPY);
        assertThat(d.ageRange()).isEmpty();
        assertThat(d.gender()).isEmpty();
        assertThat(d.eyeglasses()).isEmpty();
        assertThat(d.smile()).isEmpty();
        assertThat(face.toString()).doesNotContain(String.valueOf(face.descriptor().orElseThrow()[0]));
    }

    @Test
    void detect_obama_geometryIsTheEnginesInRatiosOfTheDisplayedImage() {
        EngineFace engineFace = FaceEngine.load().detect(FaceEngine.readUpright(Fixtures.image("obama.jpg").bytes())).get(0);
        FaceDetails d = source.detect(local("obama.jpg"), Fixtures.image("obama.jpg").sha256()).get(0).details();
        int w = engineFace.imageWidth();
        int h = engineFace.imageHeight();
        assertThat(d.imageSize().orElseThrow().width()).isEqualTo(w);
        assertThat(d.boundingBox().left()).isEqualTo(engineFace.box().left() / w);
        assertThat(d.boundingBox().height()).isEqualTo(engineFace.box().height() / h);
        assertThat(d.confidence().orElseThrow()).isEqualTo(100 * engineFace.score());
        Point mouthRight = d.landmark(LandmarkType.MOUTH_RIGHT).orElseThrow().position();
        assertThat(mouthRight.x()).isEqualTo(engineFace.mouthRight().x() / w);
        assertThat(mouthRight.y()).isEqualTo(engineFace.mouthRight().y() / h);
        assertThat(d.pose().orElseThrow().yaw()).isEqualTo(engineFace.pose().yaw());
        assertThat(d.quality().orElseThrow().sharpness()).isEqualTo(engineFace.quality().sharpness());
    }

    @Test
    void detect_sameShaTwice_servesCachedFaces() {
        EmulatorImage image = local("two_people.jpg");
        String sha = Fixtures.image("two_people.jpg").sha256();
        assertThat(source.detect(image, sha)).isSameAs(source.detect(image, sha));
    }

    @Test
    void detect_imageWithoutFace_returnsEmptyListNotNull() {
        assertThat(source.detect(local("rocket.jpg"), Fixtures.image("rocket.jpg").sha256())).isEmpty();
    }

    @Test
    void similarity_catalogueFaceDescribedByGeometryAgainstEngineFaces_separatesPeople() throws IOException {
        FaceSource spi = source;
        assertThat(spi.name()).isEqualTo("engine");
        FaceDetails geometry = catalogueFace("obama.jpg");
        SourceFace catalogueFace = new SourceFace(geometry, "barack-obama", null, "catalogue")
            .withDescriptor(source.describe(local("obama.jpg"), geometry));
        SourceFace obama2 = source.detect(local("obama2.jpg"), Fixtures.image("obama2.jpg").sha256()).get(0);
        SourceFace biden = source.detect(local("biden.jpg"), Fixtures.image("biden.jpg").sha256()).get(0);
        assertThat(spi.similarity(catalogueFace, obama2).orElseThrow()).isGreaterThanOrEqualTo(80);
        assertThat(spi.similarity(catalogueFace, biden).orElseThrow()).isLessThan(80);
        assertThat(spi.similarity(new SourceFace(geometry, null, null, "catalogue"), biden)).isEmpty();
    }

    @Test
    void describe_faceWithoutEyeLandmarks_isEmpty() {
        FaceDetails boxOnly = FaceDetails.builder().boundingBox(new BoundingBox(0.3, 0.1, 0.3, 0.3)).build();
        assertThat(source.describe(local("obama.jpg"), Fixtures.image("obama.jpg").sha256(), boxOnly)).isEmpty();
    }

    @Test
    void detect_pngDeclaring400Megapixels_isUnreadableImageNamingItAndTheBound() {
        // handed to the source directly, without the emulator's rules in front
        EmulatorImage bomb = new EmulatorImage(HostileImages.blackPng(20000, 20000), EmulatorImage.Format.PNG, 20000, 20000, 1);
        assertThatThrownBy(() -> source.detect(bomb, bomb.sha256())).isInstanceOf(UnreadableImageException.class)
            .hasMessageContaining(bomb.sha256().substring(0, 12)).hasMessageContaining("20000x20000")
            .hasMessageContaining("400,000,000 pixels").hasCauseInstanceOf(EngineImageException.class);
    }

    @Test
    void detect_headerClaimsASmallSizeButTheDataDeclaresABombLater_stillRefused() {
        // the EmulatorImage says 100x100; the engine reads the real header
        EmulatorImage lying = new EmulatorImage(HostileImages.blackPng(20000, 20000), EmulatorImage.Format.PNG, 100, 100, 1);
        assertThatThrownBy(() -> source.detect(lying, lying.sha256())).isInstanceOf(UnreadableImageException.class);
    }

    @Test
    void detectAndDescribe_undecodableData_isUnreadableImageNamingTheImage() throws IOException {
        FaceDetails geometry = catalogueFace("obama.jpg");
        for (EmulatorImage bad : List.of(
            new EmulatorImage(HostileImages.pngWithCorruptData(300, 200), EmulatorImage.Format.PNG, 300, 200, 1),
            new EmulatorImage(HostileImages.pngWithNonZlibData(300, 200), EmulatorImage.Format.PNG, 300, 200, 1),
            new EmulatorImage(HostileImages.jpegFrameOnly(300, 200), EmulatorImage.Format.JPEG, 300, 200, 1))) {
            assertThatThrownBy(() -> source.detect(bad, null)).as(bad.toString())
                .isInstanceOf(UnreadableImageException.class).hasMessageContaining(bad.sha256().substring(0, 12));
            assertThatThrownBy(() -> source.describe(bad, geometry)).as(bad.toString())
                .isInstanceOf(UnreadableImageException.class).hasMessageContaining(bad.sha256().substring(0, 12));
        }
    }

    @Test
    void emotions_expressionVector_mapsOntoRekognitionTypesWithConfusedZero() {
        // distinct probabilities, so that two swapped expressions show (neutral, happy, sad, angry, fearful, disgusted,
        // surprised)
        float[] p = {0.02f, 0.40f, 0.15f, 0.08f, 0.20f, 0.05f, 0.10f};
        List<Emotion> e = EngineFaceMapper.emotions(Expressions.of(p));
        assertThat(e).extracting(Emotion::type).containsExactly(EmotionType.HAPPY, EmotionType.FEAR, EmotionType.SAD,
            EmotionType.SURPRISED, EmotionType.ANGRY, EmotionType.DISGUSTED, EmotionType.CALM, EmotionType.CONFUSED);
        assertThat(e).extracting(Emotion::confidence).usingComparatorForType((a, b) -> Math.abs(a - b) < 1e-4 ? 0 : Double.compare(a, b), Double.class)
            .containsExactly(40.0, 20.0, 15.0, 10.0, 8.0, 5.0, 2.0, 0.0);
        assertThat(e.stream().mapToDouble(Emotion::confidence).sum()).isCloseTo(100, within(1e-3));
    }
}
