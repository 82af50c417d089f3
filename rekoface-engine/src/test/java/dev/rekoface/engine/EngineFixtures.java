package dev.rekoface.engine;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shared, memoised engine results for the fixture images, so each image is decoded and searched once per JVM. */
final class EngineFixtures {
    private static final Map<String, BufferedImage> IMAGES = new ConcurrentHashMap<>();
    private static final Map<String, List<EngineFace>> FACES = new ConcurrentHashMap<>();
    private static final Map<String, FaceDescriptor> DESCRIPTORS = new ConcurrentHashMap<>();
    private static volatile JsonNode catalogue;

    private EngineFixtures() {
    }

    static FaceEngine engine() {
        return FaceEngine.load();
    }

    static byte[] bytes(String name) {
        return Fixtures.image(name).bytes();
    }

    static BufferedImage upright(String name) {
        return IMAGES.computeIfAbsent(name, n -> FaceEngine.readUpright(bytes(n)));
    }

    static List<EngineFace> faces(String name) {
        return FACES.computeIfAbsent(name, n -> engine().detect(upright(n)));
    }

    /** Descriptor of engine face {@code index} of an image. */
    static FaceDescriptor descriptor(String name, int index) {
        return DESCRIPTORS.computeIfAbsent(name + "#" + index, k -> engine().describe(upright(name), faces(name).get(index)));
    }

    static JsonNode catalogue() {
        if (catalogue == null) {
            catalogue = new ObjectMapper().readTree(Fixtures.catalogueJson());
        }
        return catalogue;
    }

    static JsonNode catalogueImage(String name) {
        for (JsonNode im : catalogue().get("images")) {
            if (im.get("file").asString().equals(name)) {
                return im;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** A catalogue face's box as ratios of the image: {left, top, width, height}. */
    static double[] box(JsonNode face) {
        JsonNode b = face.get("boundingBox");
        return new double[] {b.get("left").asDouble(), b.get("top").asDouble(), b.get("width").asDouble(),
            b.get("height").asDouble()};
    }

    /** An engine face's box as ratios of its image, as the emulator reports it. */
    static double[] box(EngineFace f) {
        PixelBox b = f.box();
        return new double[] {b.left() / f.imageWidth(), b.top() / f.imageHeight(), b.width() / f.imageWidth(),
            b.height() / f.imageHeight()};
    }

    /** A catalogue face's landmark in pixels of its image. */
    static PixelPoint landmark(JsonNode image, JsonNode face, String type) {
        JsonNode p = face.get("landmarks").get(type);
        return new PixelPoint(p.get("x").asDouble() * image.get("width").asInt(),
            p.get("y").asDouble() * image.get("height").asInt());
    }

    static double iou(double[] a, double[] b) {
        double ix = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
        double iy = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
        double inter = ix * iy;
        return inter / (a[2] * a[3] + b[2] * b[3] - inter);
    }

    /** Returns the identity label of the catalogue face best overlapping an engine face, or null. */
    static String identityOf(String image, EngineFace face) {
        String best = null;
        double bestIou = 0.3;
        for (JsonNode cf : catalogueImage(image).get("faces")) {
            double iou = iou(box(cf), box(face));
            if (iou > bestIou) {
                bestIou = iou;
                best = cf.get("identity").asString();
            }
        }
        return best;
    }

    static List<String> imagesWithFaces() {
        List<String> out = new ArrayList<>();
        for (JsonNode im : catalogue().get("images")) {
            if (im.get("faces").size() > 0) {
                out.add(im.get("file").asString());
            }
        }
        return out;
    }

    static double dist(PixelPoint a, PixelPoint b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
}
