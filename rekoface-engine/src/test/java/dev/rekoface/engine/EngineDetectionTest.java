package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import tools.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Detection against the fixture catalogue's BlazeFace geometry. */
class EngineDetectionTest {
    /** The catalogue's five landmarks and the engine's points for them. */
    private static final Map<String, Function<EngineFace, PixelPoint>> LANDMARKS = Map.of(
        "eyeLeft", EngineFace::eyeLeft, "eyeRight", EngineFace::eyeRight, "nose", EngineFace::nose,
        "mouthLeft", EngineFace::mouthLeft, "mouthRight", EngineFace::mouthRight);

    static Stream<String> imagesWithFaces() {
        return EngineFixtures.imagesWithFaces().stream();
    }

    @ParameterizedTest
    @MethodSource("imagesWithFaces")
    void detect_catalogueImage_findsEveryBlazefaceFaceWithIoUAtLeastHalf(String image) {
        List<EngineFace> faces = EngineFixtures.faces(image);
        JsonNode im = EngineFixtures.catalogueImage(image);
        for (JsonNode cf : im.get("faces")) {
            if (!cf.get("method").asString().equals("blazeface")) {
                continue;
            }
            double best = faces.stream().mapToDouble(f -> EngineFixtures.iou(EngineFixtures.box(cf), EngineFixtures.box(f)))
                .max().orElse(0);
            assertThat(best).as("IoU of %s in %s", cf.get("identity").asString(), image).isGreaterThanOrEqualTo(0.5);
        }
        // nothing beyond the catalogue's faces
        assertThat(faces.size()).as("faces in %s", image).isLessThanOrEqualTo(im.get("faces").size());
    }

    @ParameterizedTest
    @MethodSource("imagesWithFaces")
    void detect_catalogueImage_eyesAndMouthCloseToCatalogue(String image) {
        JsonNode im = EngineFixtures.catalogueImage(image);
        int w = im.get("width").asInt();
        for (JsonNode cf : im.get("faces")) {
            if (!cf.get("method").asString().equals("blazeface")) {
                continue;
            }
            double[] expectedBox = EngineFixtures.box(cf);
            EngineFace actual = EngineFixtures.faces(image).stream()
                .max((a, b) -> Double.compare(EngineFixtures.iou(expectedBox, EngineFixtures.box(a)),
                    EngineFixtures.iou(expectedBox, EngineFixtures.box(b))))
                .orElseThrow();
            PixelPoint el = EngineFixtures.landmark(im, cf, "eyeLeft");
            PixelPoint er = EngineFixtures.landmark(im, cf, "eyeRight");
            double ied = EngineFixtures.dist(el, er);
            for (String t : List.of("eyeLeft", "eyeRight", "nose", "mouthLeft", "mouthRight")) {
                PixelPoint e = EngineFixtures.landmark(im, cf, t);
                PixelPoint a = LANDMARKS.get(t).apply(actual);
                assertThat(EngineFixtures.dist(e, a) / ied)
                    .as("%s of %s in %s, in eye distances", t, cf.get("identity").asString(), image).isLessThan(0.25);
            }
            assertThat(actual.eyeLeft().x()).isLessThan(actual.eyeRight().x());
            JsonNode pose = cf.get("pose");
            assertThat(actual.pose().roll()).as("roll").isCloseTo(pose.get("roll").asDouble(), within(8.0));
            assertThat(actual.quality().brightness()).as("brightness")
                .isCloseTo(cf.get("quality").get("brightness").asDouble(), within(8.0));
            assertThat(100 * actual.score()).isBetween(80.0, 100.0);
            assertThat(actual.imageWidth()).isEqualTo(w);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chelsea.png", "coffee.png", "rocket.jpg", "hubble_deep_field.jpg", "spheres_2.jpg",
        "market_2.jpg", "plain-blue.png"})
    void detect_imageWithoutFace_findsNothing(String image) {
        assertThat(EngineFixtures.faces(image)).as(image).isEmpty();
    }

    @Test
    void detect_photoOf5900Pixels_isReducedAndReportsRatiosOfTheFullImage() {
        assertThat(EngineFixtures.upright("Swami1.jpeg").getWidth()).isGreaterThan(5000);
        List<EngineFace> faces = EngineFixtures.faces("Swami1.jpeg");
        assertThat(faces).hasSize(1);
        assertThat(faces.get(0).imageWidth()).isEqualTo(5885);
        assertThat(faces.get(0).eyeLeft().x()).isCloseTo(2656, within(30.0));
    }

    @Test
    void detect_nearProfileFaceTheShortRangeModelScoresLow_isFoundWithBothModelsAgreeing() {
        // Werner in werner-and-swami.jpeg: yaw about 70 degrees, placed by hand in the catalogue
        JsonNode werner = EngineFixtures.catalogueImage("werner-and-swami.jpeg").get("faces").get(0);
        assertThat(werner.get("method").asText()).isEqualTo("hand");
        List<EngineFace> faces = EngineFixtures.faces("werner-and-swami.jpeg");
        assertThat(faces).hasSize(2);
        assertThat(faces).anySatisfy(f -> assertThat(EngineFixtures.iou(EngineFixtures.box(werner), EngineFixtures.box(f)))
            .isGreaterThanOrEqualTo(0.5));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.9, 0.6})
    void detect_groupPhotoScaledDown_findsItsThreeSmallFaces(double scale) {
        java.awt.image.BufferedImage src = EngineFixtures.upright("family-1128317.jpg");
        int w = (int) Math.round(src.getWidth() * scale);
        int h = (int) Math.round(src.getHeight() * scale);
        java.awt.image.BufferedImage small = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = small.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();

        List<EngineFace> faces = EngineFixtures.engine().detect(small);

        assertThat(faces).as("faces at %s scale", scale).hasSize(3);
        for (JsonNode cf : EngineFixtures.catalogueImage("family-1128317.jpg").get("faces")) {
            assertThat(faces).anySatisfy(f -> assertThat(EngineFixtures.iou(EngineFixtures.box(cf), EngineFixtures.box(f)))
                .as(cf.get("identity").asText()).isGreaterThanOrEqualTo(0.5));
        }
    }

    @Test
    void detect_groupPhoto_findsSmallFacesLeftToRight() {
        List<EngineFace> faces = EngineFixtures.faces("family-1128318.jpg");
        assertThat(faces).hasSize(3);
        assertThat(faces).allSatisfy(f -> assertThat(EngineFixtures.box(f)[2]).isLessThan(0.06));
    }

    @Test
    void detect_bytesAndPath_sameFacesAsTheDecodedImage(@TempDir Path dir) throws IOException {
        EngineFace expected = EngineFixtures.faces("two_people.jpg").get(0);
        Path file = dir.resolve("two_people.jpg");
        Files.write(file, EngineFixtures.bytes("two_people.jpg"));
        for (List<EngineFace> faces : List.of(EngineFixtures.engine().detect(EngineFixtures.bytes("two_people.jpg")),
            EngineFixtures.engine().detect(file))) {
            assertThat(faces).hasSize(2);
            assertThat(faces.get(0).box()).isEqualTo(expected.box());
            assertThat(faces.get(0).eyeLeft()).isEqualTo(expected.eyeLeft());
            assertThat(faces.get(0).score()).isEqualTo(expected.score());
        }
    }
}
