package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.model.Point;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Detection against the fixture catalogue's BlazeFace geometry. */
class EngineDetectionTest {

    static Stream<String> imagesWithFaces() {
        return EngineFixtures.imagesWithFaces().stream();
    }

    @ParameterizedTest
    @MethodSource("imagesWithFaces")
    void detect_catalogueImage_findsEveryBlazefaceFaceWithIoUAtLeastHalf(String image) {
        List<EngineFace> faces = EngineFixtures.faces(image);
        JsonNode im = EngineFixtures.catalogueImage(image);
        for (JsonNode cf : im.get("faces")) {
            if (!cf.get("method").asText().equals("blazeface")) {
                continue;
            }
            double best = faces.stream().mapToDouble(f -> EngineFixtures.iou(EngineFixtures.box(cf), f.details().boundingBox()))
                .max().orElse(0);
            assertThat(best).as("IoU of %s in %s", cf.get("identity").asText(), image).isGreaterThanOrEqualTo(0.5);
        }
        // nothing beyond the catalogue's faces
        assertThat(faces.size()).as("faces in %s", image).isLessThanOrEqualTo(im.get("faces").size());
    }

    @ParameterizedTest
    @MethodSource("imagesWithFaces")
    void detect_catalogueImage_eyesAndMouthCloseToCatalogue(String image) {
        JsonNode im = EngineFixtures.catalogueImage(image);
        int w = im.get("width").asInt();
        int h = im.get("height").asInt();
        for (JsonNode cf : im.get("faces")) {
            if (!cf.get("method").asText().equals("blazeface")) {
                continue;
            }
            FaceDetails expected = EngineFixtures.details(cf);
            FaceDetails actual = EngineFixtures.faces(image).stream()
                .max((a, b) -> Double.compare(EngineFixtures.iou(expected.boundingBox(), a.details().boundingBox()),
                    EngineFixtures.iou(expected.boundingBox(), b.details().boundingBox())))
                .orElseThrow().details();
            Point el = px(expected, LandmarkType.EYE_LEFT, w, h);
            Point er = px(expected, LandmarkType.EYE_RIGHT, w, h);
            double ied = Math.hypot(er.x() - el.x(), er.y() - el.y());
            for (LandmarkType t : List.of(LandmarkType.EYE_LEFT, LandmarkType.EYE_RIGHT, LandmarkType.NOSE,
                LandmarkType.MOUTH_LEFT, LandmarkType.MOUTH_RIGHT)) {
                Point e = px(expected, t, w, h);
                Point a = px(actual, t, w, h);
                assertThat(Math.hypot(e.x() - a.x(), e.y() - a.y()) / ied)
                    .as("%s of %s in %s, in eye distances", t, cf.get("identity").asText(), image).isLessThan(0.25);
            }
            assertThat(actual.landmark(LandmarkType.EYE_LEFT).orElseThrow().position().x())
                .isLessThan(actual.landmark(LandmarkType.EYE_RIGHT).orElseThrow().position().x());
            JsonNode pose = cf.get("pose");
            assertThat(actual.pose().orElseThrow().roll()).as("roll").isCloseTo(pose.get("roll").asDouble(), within(8.0));
            assertThat(actual.quality().orElseThrow().brightness()).as("brightness")
                .isCloseTo(cf.get("quality").get("brightness").asDouble(), within(8.0));
            assertThat(actual.confidence().orElseThrow()).isBetween(80.0, 100.0);
            assertThat(actual.imageSize().orElseThrow().width()).isEqualTo(w);
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
        assertThat(faces.get(0).imageSize().width()).isEqualTo(5885);
        assertThat(faces.get(0).eyeLeft().x()).isCloseTo(2656, within(30.0));
    }

    @Test
    void detect_groupPhoto_findsSmallFacesLeftToRight() {
        List<EngineFace> faces = EngineFixtures.faces("family-1128318.jpg");
        assertThat(faces).hasSize(3);
        assertThat(faces).allSatisfy(f -> assertThat(f.details().boundingBox().width()).isLessThan(0.06));
    }

    private static Point px(FaceDetails f, LandmarkType t, int w, int h) {
        Point p = f.landmark(t).orElseThrow().position();
        return new Point(p.x() * w, p.y() * h);
    }
}
