package dev.rekoface.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Landmark;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.testkit.emulator.EmulatorImages;
import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shared, memoised engine results for the fixture images, so each image is decoded and searched once per JVM. */
final class EngineFixtures {
    private static final Map<String, BufferedImage> IMAGES = new ConcurrentHashMap<>();
    private static final Map<String, List<EngineFace>> FACES = new ConcurrentHashMap<>();
    private static final Map<String, float[]> DESCRIPTORS = new ConcurrentHashMap<>();
    private static volatile JsonNode catalogue;

    private EngineFixtures() {
    }

    static FaceEngine engine() {
        return FaceEngine.load();
    }

    static BufferedImage upright(String name) {
        return IMAGES.computeIfAbsent(name, n -> ImageDecoder.withUpright(local(n), u -> u));
    }

    static EmulatorImage local(String name) {
        return EmulatorImages.fixture(name);
    }

    static List<EngineFace> faces(String name) {
        return FACES.computeIfAbsent(name, n -> engine().detect(upright(n)));
    }

    /** Descriptor of engine face {@code index} of an image. */
    static float[] descriptor(String name, int index) {
        return DESCRIPTORS.computeIfAbsent(name + "#" + index, k -> engine().descriptor(upright(name), faces(name).get(index)));
    }

    static JsonNode catalogue() {
        if (catalogue == null) {
            try {
                catalogue = new ObjectMapper().readTree(Fixtures.catalogueJson());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return catalogue;
    }

    static JsonNode catalogueImage(String name) {
        for (JsonNode im : catalogue().get("images")) {
            if (im.get("file").asText().equals(name)) {
                return im;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static BoundingBox box(JsonNode face) {
        JsonNode b = face.get("boundingBox");
        return new BoundingBox(b.get("left").asDouble(), b.get("top").asDouble(), b.get("width").asDouble(),
            b.get("height").asDouble());
    }

    /** A catalogue face as FaceDetails (box and the five landmarks). */
    static FaceDetails details(JsonNode face) {
        FaceDetails.Builder b = FaceDetails.builder().boundingBox(box(face));
        JsonNode lm = face.get("landmarks");
        for (LandmarkType t : List.of(LandmarkType.EYE_LEFT, LandmarkType.EYE_RIGHT, LandmarkType.NOSE,
            LandmarkType.MOUTH_LEFT, LandmarkType.MOUTH_RIGHT)) {
            JsonNode p = lm.get(t.wireName());
            b.addLandmarks(Landmark.of(t, p.get("x").asDouble(), p.get("y").asDouble()));
        }
        return b.build();
    }

    static double iou(BoundingBox a, BoundingBox b) {
        double ix = Math.max(0, Math.min(a.left() + a.width(), b.left() + b.width()) - Math.max(a.left(), b.left()));
        double iy = Math.max(0, Math.min(a.top() + a.height(), b.top() + b.height()) - Math.max(a.top(), b.top()));
        double inter = ix * iy;
        return inter / (a.area() + b.area() - inter);
    }

    /** Returns the identity label of the catalogue face best overlapping an engine face, or null. */
    static String identityOf(String image, EngineFace face) {
        String best = null;
        double bestIou = 0.3;
        for (JsonNode cf : catalogueImage(image).get("faces")) {
            double iou = iou(box(cf), face.details().boundingBox());
            if (iou > bestIou) {
                bestIou = iou;
                best = cf.get("identity").asText();
            }
        }
        return best;
    }

    static List<String> imagesWithFaces() {
        List<String> out = new ArrayList<>();
        for (JsonNode im : catalogue().get("images")) {
            if (im.get("faces").size() > 0) {
                out.add(im.get("file").asText());
            }
        }
        return out;
    }
}
