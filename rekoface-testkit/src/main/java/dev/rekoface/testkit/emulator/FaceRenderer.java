package dev.rekoface.testkit.emulator;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.model.BooleanAttribute;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.Emotion;
import dev.rekoface.model.EmotionType;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.Landmark;
import dev.rekoface.model.LandmarkType;
import dev.rekoface.model.Point;
import dev.rekoface.model.Pose;
import dev.rekoface.model.Quality;
import dev.rekoface.testkit.faces.SourceFace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link SourceFace} into the service's {@code FaceDetail} JSON, filling what the source does not know:
 * the 25 other landmarks (placed geometrically from the eyes and mouth), pose, quality, confidences, all emotions with
 * the source's as the dominant one, eye direction and occlusion. Everything filled in is deterministic.
 *
 * <p>Which members appear follows the service: the default set (BoundingBox, Landmarks, Pose, Quality, Confidence)
 * always; each requested attribute in addition; {@code ALL} for everything, and only {@code ALL} brings the 30
 * landmarks (the default set has the five main ones).
 */
final class FaceRenderer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The attributes a request can name, besides DEFAULT and ALL. */
    enum Attr { AGE_RANGE, BEARD, EMOTIONS, EYE_DIRECTION, EYEGLASSES, EYES_OPEN, GENDER, MOUTH_OPEN, MUSTACHE, FACE_OCCLUDED, SMILE, SUNGLASSES }

    /**
     * Landmark placement in the basis u = eyeRight - eyeLeft, v = mouthCentre - eyeCentre, measured on the
     * DetectFaces ALL example of the Rekognition Developer Guide.
     */
    private static final Object[][] LANDMARKS = {
        {LandmarkType.EYE_LEFT, -0.500, 0.000}, {LandmarkType.EYE_RIGHT, 0.500, 0.000},
        {LandmarkType.MOUTH_LEFT, -0.412, 1.000}, {LandmarkType.MOUTH_RIGHT, 0.412, 1.000},
        {LandmarkType.NOSE, -0.025, 0.549},
        {LandmarkType.LEFT_EYEBROW_LEFT, -0.884, -0.233}, {LandmarkType.LEFT_EYEBROW_RIGHT, -0.305, -0.287},
        {LandmarkType.LEFT_EYEBROW_UP, -0.596, -0.339}, {LandmarkType.RIGHT_EYEBROW_LEFT, 0.283, -0.288},
        {LandmarkType.RIGHT_EYEBROW_RIGHT, 0.905, -0.235}, {LandmarkType.RIGHT_EYEBROW_UP, 0.588, -0.342},
        {LandmarkType.LEFT_EYE_LEFT, -0.672, -0.010}, {LandmarkType.LEFT_EYE_RIGHT, -0.305, 0.007},
        {LandmarkType.LEFT_EYE_UP, -0.504, -0.049}, {LandmarkType.LEFT_EYE_DOWN, -0.496, 0.041},
        {LandmarkType.RIGHT_EYE_LEFT, 0.292, 0.006}, {LandmarkType.RIGHT_EYE_RIGHT, 0.666, -0.011},
        {LandmarkType.RIGHT_EYE_UP, 0.489, -0.049}, {LandmarkType.RIGHT_EYE_DOWN, 0.482, 0.040},
        {LandmarkType.NOSE_LEFT, -0.200, 0.655}, {LandmarkType.NOSE_RIGHT, 0.172, 0.642},
        {LandmarkType.MOUTH_UP, -0.017, 0.881}, {LandmarkType.MOUTH_DOWN, -0.014, 1.171},
        {LandmarkType.LEFT_PUPIL, -0.500, 0.000}, {LandmarkType.RIGHT_PUPIL, 0.500, 0.000},
        {LandmarkType.UPPER_JAWLINE_LEFT, -1.089, -0.026}, {LandmarkType.MID_JAWLINE_LEFT, -0.874, 1.043},
        {LandmarkType.CHIN_BOTTOM, -0.003, 1.668}, {LandmarkType.MID_JAWLINE_RIGHT, 0.934, 1.041},
        {LandmarkType.UPPER_JAWLINE_RIGHT, 1.162, -0.029},
    };

    private static final EmotionType[] EMOTIONS = {
        EmotionType.HAPPY, EmotionType.SAD, EmotionType.ANGRY, EmotionType.CONFUSED, EmotionType.DISGUSTED,
        EmotionType.SURPRISED, EmotionType.CALM, EmotionType.FEAR};

    private FaceRenderer() {
    }

    /** Parses a request's attribute list into what to include; null or empty means DEFAULT. */
    static Selection select(List<String> requested) {
        EnumSet<Attr> set = EnumSet.noneOf(Attr.class);
        boolean all = false;
        if (requested != null) {
            for (String r : requested) {
                if ("ALL".equals(r)) {
                    all = true;
                } else if (!"DEFAULT".equals(r)) {
                    set.add(Attr.valueOf(r));
                }
            }
        }
        return all ? new Selection(EnumSet.allOf(Attr.class), true) : new Selection(set, false);
    }

    /** What a FaceDetail includes beyond the default set. */
    record Selection(Set<Attr> attrs, boolean all) {
        static final Selection DEFAULT = new Selection(EnumSet.noneOf(Attr.class), false);
    }

    /** Renders a full FaceDetail. */
    static ObjectNode faceDetail(SourceFace face, Selection sel, long seed) {
        FaceDetails d = face.details();
        ObjectNode o = JSON.objectNode();
        o.set("BoundingBox", box(d.boundingBox()));
        Set<Attr> a = sel.attrs();
        if (a.contains(Attr.AGE_RANGE)) {
            ObjectNode ar = o.putObject("AgeRange");
            int low = d.ageRange().map(x -> x.low()).orElse(25 + (int) Math.floorMod(seed, 20L));
            int high = d.ageRange().map(x -> x.high()).orElse(low + 8 + (int) Math.floorMod(seed >>> 5, 6L));
            ar.put("Low", low);
            ar.put("High", high);
        }
        if (a.contains(Attr.SMILE)) {
            o.set("Smile", bool(d.smile(), seed, 2, false));
        }
        if (a.contains(Attr.EYEGLASSES)) {
            o.set("Eyeglasses", bool(d.eyeglasses(), seed, 3, false));
        }
        if (a.contains(Attr.SUNGLASSES)) {
            o.set("Sunglasses", bool(d.sunglasses(), seed, 4, false));
        }
        if (a.contains(Attr.GENDER)) {
            ObjectNode g = o.putObject("Gender");
            g.put("Value", d.gender().map(x -> x.rawValue()).orElse(Math.floorMod(seed, 2L) == 0 ? "Female" : "Male"));
            g.put("Confidence", f(d.gender().map(x -> x.confidence()).orElse(conf(seed, 1))));
        }
        if (a.contains(Attr.BEARD)) {
            o.set("Beard", bool(d.beard(), seed, 5, false));
        }
        if (a.contains(Attr.MUSTACHE)) {
            o.set("Mustache", bool(d.mustache(), seed, 6, false));
        }
        if (a.contains(Attr.EYES_OPEN)) {
            o.set("EyesOpen", bool(d.eyesOpen(), seed, 7, true));
        }
        if (a.contains(Attr.MOUTH_OPEN)) {
            o.set("MouthOpen", bool(d.mouthOpen(), seed, 8, false));
        }
        if (a.contains(Attr.EMOTIONS)) {
            o.set("Emotions", emotions(d, seed));
        }
        o.set("Landmarks", landmarks(d, sel.all()));
        Pose pose = pose(d);
        o.set("Pose", pose(pose));
        o.set("Quality", quality(d, seed));
        o.put("Confidence", f(confidence(d)));
        if (a.contains(Attr.FACE_OCCLUDED)) {
            o.set("FaceOccluded", bool(d.faceOccluded(), seed, 10, false));
        }
        if (a.contains(Attr.EYE_DIRECTION)) {
            ObjectNode ed = o.putObject("EyeDirection");
            ed.put("Yaw", f(d.eyeDirection().map(x -> x.yaw()).orElse(pose.yaw() * 0.3 + (Math.floorMod(seed >>> 9, 100L) - 50) / 25.0)));
            ed.put("Pitch", f(d.eyeDirection().map(x -> x.pitch()).orElse(pose.pitch() * 0.3 - 4.0 + (Math.floorMod(seed >>> 13, 100L) - 50) / 25.0)));
            ed.put("Confidence", f(d.eyeDirection().map(x -> x.confidence()).orElse(conf(seed, 11))));
        }
        return o;
    }

    /** The face as CompareFaces shows matches and unmatched faces: box, confidence, 5 landmarks, pose, quality. */
    static ObjectNode compareFace(SourceFace face, long seed) {
        FaceDetails d = face.details();
        ObjectNode o = JSON.objectNode();
        o.set("BoundingBox", box(d.boundingBox()));
        o.put("Confidence", f(confidence(d)));
        o.set("Landmarks", landmarks(d, false));
        o.set("Pose", pose(pose(d)));
        o.set("Quality", quality(d, seed));
        return o;
    }

    /** Box and confidence only, as CompareFaces' SourceImageFace. */
    static ObjectNode boxAndConfidence(SourceFace face) {
        ObjectNode o = JSON.objectNode();
        o.set("BoundingBox", box(face.details().boundingBox()));
        o.put("Confidence", f(confidence(face.details())));
        return o;
    }

    static double confidence(FaceDetails d) {
        return d.confidence().orElse(99.9);
    }

    static ObjectNode box(BoundingBox b) {
        ObjectNode o = JSON.objectNode();
        o.put("Width", f(b.width()));
        o.put("Height", f(b.height()));
        o.put("Left", f(b.left()));
        o.put("Top", f(b.top()));
        return o;
    }

    /** Rounds to float precision, as the service's values are floats. */
    static double f(double v) {
        return (double) (float) v;
    }

    /** The five main landmarks of a face, synthesised from the box if the source gave none. */
    static Point[] mainPoints(FaceDetails d) {
        BoundingBox b = d.boundingBox();
        Point el = d.landmark(LandmarkType.EYE_LEFT).map(Landmark::position).orElse(new Point(b.left() + 0.3 * b.width(), b.top() + 0.4 * b.height()));
        Point er = d.landmark(LandmarkType.EYE_RIGHT).map(Landmark::position).orElse(new Point(b.left() + 0.7 * b.width(), b.top() + 0.4 * b.height()));
        Point ml = d.landmark(LandmarkType.MOUTH_LEFT).map(Landmark::position).orElse(new Point(b.left() + 0.36 * b.width(), b.top() + 0.75 * b.height()));
        Point mr = d.landmark(LandmarkType.MOUTH_RIGHT).map(Landmark::position).orElse(new Point(b.left() + 0.64 * b.width(), b.top() + 0.75 * b.height()));
        Point n = d.landmark(LandmarkType.NOSE).map(Landmark::position).orElse(new Point(b.left() + 0.5 * b.width(), b.top() + 0.6 * b.height()));
        return new Point[] {el, er, ml, mr, n};
    }

    private static ArrayNode landmarks(FaceDetails d, boolean all) {
        Point[] p = mainPoints(d);
        ArrayNode arr = JSON.arrayNode();
        // The service's order for the default set: eyeLeft, eyeRight, mouthLeft, mouthRight, nose.
        String[] main = {"eyeLeft", "eyeRight", "mouthLeft", "mouthRight", "nose"};
        for (int i = 0; i < 5; i++) {
            arr.add(landmark(main[i], p[i]));
        }
        if (!all) {
            return arr;
        }
        double ecx = (p[0].x() + p[1].x()) / 2, ecy = (p[0].y() + p[1].y()) / 2;
        double ux = p[1].x() - p[0].x(), uy = p[1].y() - p[0].y();
        double vx = (p[2].x() + p[3].x()) / 2 - ecx, vy = (p[2].y() + p[3].y()) / 2 - ecy;
        for (Object[] row : LANDMARKS) {
            LandmarkType t = (LandmarkType) row[0];
            if (t.isMain()) {
                continue;
            }
            double a = (Double) row[1], b = (Double) row[2];
            Point known = d.landmark(t).map(Landmark::position).orElse(null);
            arr.add(landmark(t.wireName(), known != null ? known : new Point(ecx + a * ux + b * vx, ecy + a * uy + b * vy)));
        }
        return arr;
    }

    private static ObjectNode landmark(String type, Point p) {
        ObjectNode o = JSON.objectNode();
        o.put("Type", type);
        o.put("X", f(p.x()));
        o.put("Y", f(p.y()));
        return o;
    }

    /** The pose from the source, or estimated from the landmarks as the catalogue README describes. */
    static Pose pose(FaceDetails d) {
        if (d.pose().isPresent()) {
            return d.pose().get();
        }
        Point[] p = mainPoints(d);
        double roll = Math.toDegrees(Math.atan2(p[1].y() - p[0].y(), p[1].x() - p[0].x()));
        double ied = Math.hypot(p[1].x() - p[0].x(), p[1].y() - p[0].y());
        double ux = (p[1].x() - p[0].x()) / ied, uy = (p[1].y() - p[0].y()) / ied;
        double mx = (p[0].x() + p[1].x()) / 2, my = (p[0].y() + p[1].y()) / 2;
        double t = ((p[4].x() - mx) * ux + (p[4].y() - my) * uy) / (ied / 2);
        double yaw = Math.toDegrees(Math.atan(t / 0.9));
        return new Pose(roll, yaw, 0.0);
    }

    private static ObjectNode pose(Pose p) {
        ObjectNode o = JSON.objectNode();
        o.put("Roll", f(p.roll()));
        o.put("Yaw", f(p.yaw()));
        o.put("Pitch", f(p.pitch()));
        return o;
    }

    static Quality qualityOf(FaceDetails d, long seed) {
        return d.quality().orElse(new Quality(40.0 + Math.floorMod(seed >>> 3, 400L) / 10.0, 60.0 + Math.floorMod(seed >>> 11, 350L) / 10.0));
    }

    private static ObjectNode quality(FaceDetails d, long seed) {
        Quality q = qualityOf(d, seed);
        ObjectNode o = JSON.objectNode();
        o.put("Brightness", f(q.brightness()));
        o.put("Sharpness", f(q.sharpness()));
        return o;
    }

    private static ObjectNode bool(Optional<BooleanAttribute> known, long seed, int salt, boolean dflt) {
        ObjectNode o = JSON.objectNode();
        o.put("Value", known.map(BooleanAttribute::value).orElse(dflt));
        o.put("Confidence", f(known.map(BooleanAttribute::confidence).orElse(conf(seed, salt))));
        return o;
    }

    private static ArrayNode emotions(FaceDetails d, long seed) {
        Optional<Emotion> dom = d.dominantEmotion();
        EmotionType dominant = dom.map(Emotion::type).orElse(EmotionType.CALM);
        double top = dom.map(Emotion::confidence).orElse(conf(seed, 12));
        double rest = 100.0 - top;
        List<double[]> weights = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < EMOTIONS.length; i++) {
            double w = 1 + Math.floorMod((seed >>> i) * 31 + i * 7919L, 97L);
            weights.add(new double[] {i, w});
            if (EMOTIONS[i] != dominant) {
                sum += w;
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (double[] w : weights) {
            EmotionType t = EMOTIONS[(int) w[0]];
            rows.add(new Object[] {t, t == dominant ? top : rest * w[1] / sum});
        }
        rows.sort(Comparator.comparingDouble((Object[] r) -> (Double) r[1]).reversed());
        ArrayNode arr = JSON.arrayNode();
        for (Object[] r : rows) {
            ObjectNode o = arr.addObject();
            o.put("Type", ((EmotionType) r[0]).name());
            o.put("Confidence", f((Double) r[1]));
        }
        return arr;
    }

    /** A deterministic confidence in [90, 99.9]. */
    static double conf(long seed, int salt) {
        long h = (seed * 31 + salt) * 0x9E3779B97F4A7C15L;
        return 90.0 + (Math.floorMod(h >>> 7, 1000L) / 1000.0) * 9.9;
    }
}
