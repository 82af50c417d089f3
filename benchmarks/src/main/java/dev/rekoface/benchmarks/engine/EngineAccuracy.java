package dev.rekoface.benchmarks.engine;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.rekoface.engine.EngineFace;
import dev.rekoface.engine.FaceDescriptor;
import dev.rekoface.engine.FaceEngine;
import dev.rekoface.engine.PixelBox;
import dev.rekoface.engine.PixelPoint;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well the pure-Java face engine agrees with the fixture catalogue: a report, not a JMH benchmark.
 *
 * <p><b>Detection.</b> Every catalogue image is decoded upright ({@link FaceEngine#readUpright(byte[])}) and searched
 * with {@link FaceEngine#detect(BufferedImage)}. Engine
 * faces are paired one-to-one with catalogue faces, highest IoU first; a catalogue face counts as found when its
 * partner overlaps it with IoU &ge; 0.5. Per image it prints the expected and found counts and each catalogue face's
 * IoU; then recall split by the catalogue's {@code method} ({@code blazeface}, {@code blazeface+checked},
 * {@code hand}), the mean IoU (a missed face counts 0), the detections that match no catalogue face, and the faces
 * found on the images with no face.
 *
 * <p><b>Identity.</b> Every catalogue face with an identity label gets an engine descriptor in two ways: from the
 * engine face paired with it (IoU &ge; 0.3; what an emulator with {@code forceEngine(true)} compares), falling back to
 * the catalogue's geometry when the engine missed it; and from the catalogue's hand-checked eyes and mouth (what the
 * emulator computes for catalogue faces it describes with the engine). For every pair of these faces it prints
 * {@link FaceDescriptor#similarity} (0-100, the emulator's Similarity), then min/mean of same-identity pairs, max/mean of
 * different-identity pairs and how many pairs fall on the right side of 80 (same &ge; 80, different &lt; 80), for
 * all pairs, for pairs whose faces are both at least 100 px wide (the size the engine is calibrated for), and for
 * those of them the engine detected itself.
 *
 * <pre>
 * mvn -B -o -q package -DskipTests -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.engine.EngineAccuracy [--pairs]
 * java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.engine.EngineAccuracy --eval DIR
 * </pre>
 *
 * <p>{@code --eval DIR} reports instead on a folder of labelled photos the engine was never tuned on, read at run
 * time (see {@link EngineEval}).
 *
 * <p>{@code --pairs} also lists every pair (351 lines); without it only same-identity pairs and the closest
 * different-identity pairs are listed. Takes about ten seconds on two cores. Not
 * thread-safe; a program.
 */
public final class EngineAccuracy {
    private static final double FOUND_IOU = 0.5;
    private static final double IDENTITY_IOU = 0.3;
    private static final double SAME_PERSON = 80;
    private static final double CALIBRATED_WIDTH_PX = 100;
    private static final int CLOSEST_DIFFERENT_LISTED = 15;

    private EngineAccuracy() {
    }

    /** A catalogue face with an identity and its two descriptors. */
    private record Face(String image, String identity, String method, double widthPx, FaceDescriptor engineDescriptor,
                        boolean engineFound, FaceDescriptor catalogueDescriptor) {
        String label() {
            return image + ":" + identity;
        }
    }

    /** Counts per catalogue method. */
    private static final class Tally {
        int faces;
        int found;
        double iouSum;
    }

    /** A pair's similarities. */
    private record Pair(Face a, Face b, double engineSim, double catalogueSim) {
        boolean same() {
            return a.identity().equals(b.identity());
        }

        boolean calibrated() {
            return a.widthPx() >= CALIBRATED_WIDTH_PX && b.widthPx() >= CALIBRATED_WIDTH_PX;
        }
    }

    /**
     * Prints the report.
     *
     * @param args {@code --pairs} to list every pair; {@code --eval DIR} for {@link EngineEval}'s report instead
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--eval")) {
            EngineEval.main(args);
            return;
        }
        boolean allPairs = List.of(args).contains("--pairs");
        long t0 = System.nanoTime();
        FaceEngine engine = FaceEngine.load();
        JsonNode catalogue = new ObjectMapper().readTree(Fixtures.catalogueJson());

        System.out.println("== Detection: engine vs fixture catalogue (found = one-to-one partner with IoU >= 0.5) ==");
        System.out.printf(Locale.ROOT, "%-28s %10s %8s %5s  %s%n", "image", "size", "expected", "found", "IoU per catalogue face (method)");
        Map<String, Tally> byMethod = new TreeMap<>();
        Tally all = new Tally();
        int unmatchedOnFaceImages = 0;
        int extrasOnEmpty = 0;
        int emptyImages = 0;
        List<String> extrasWhere = new ArrayList<>();
        List<Face> faces = new ArrayList<>();
        for (JsonNode im : catalogue.get("images")) {
            String name = im.get("file").asString();
            BufferedImage upright = FaceEngine.readUpright(Fixtures.image(name).bytes());
            List<EngineFace> found = engine.detect(upright);
            JsonNode cfs = im.get("faces");
            int width = im.get("width").asInt();
            int[] partner = pair(cfs, found);
            int matched = 0;
            StringBuilder ious = new StringBuilder();
            for (int i = 0; i < cfs.size(); i++) {
                JsonNode cf = cfs.get(i);
                String method = cf.hasNonNull("method") ? cf.get("method").asString() : "(none)";
                double iou = partner[i] < 0 ? 0 : iou(box(cf), ratioBox(found.get(partner[i])));
                boolean ok = iou >= FOUND_IOU;
                matched += ok ? 1 : 0;
                for (Tally t : List.of(byMethod.computeIfAbsent(method, m -> new Tally()), all)) {
                    t.faces++;
                    t.found += ok ? 1 : 0;
                    t.iouSum += iou;
                }
                ious.append(String.format(Locale.ROOT, "%s%.2f%s (%s)", ious.length() == 0 ? "" : ", ", iou, ok ? "" : " MISSED", method));
                if (cf.hasNonNull("identity")) {
                    FaceDescriptor fromCatalogue = describeByLandmarks(engine, upright, cf);
                    boolean engineFound = partner[i] >= 0 && iou >= IDENTITY_IOU;
                    FaceDescriptor fromEngine = engineFound ? engine.describe(upright, found.get(partner[i])) : fromCatalogue;
                    faces.add(new Face(name, cf.get("identity").asString(), method, box(cf).width() * width, fromEngine,
                        engineFound, fromCatalogue));
                }
            }
            int extra = found.size() - matched;
            if (cfs.size() == 0) {
                emptyImages++;
                extrasOnEmpty += found.size();
                if (!found.isEmpty()) {
                    extrasWhere.add(name + " (" + found.size() + ")");
                }
            } else {
                unmatchedOnFaceImages += extra;
            }
            System.out.printf(Locale.ROOT, "%-28s %10s %8d %5d  %s%s%n", name, width + "x" + im.get("height").asInt(), cfs.size(),
                found.size(), cfs.size() == 0 ? "-" : ious, cfs.size() > 0 && extra > 0 ? "; " + extra + " unmatched detection(s)" : "");
        }
        System.out.println();
        System.out.println("Detection totals:");
        for (Map.Entry<String, Tally> e : byMethod.entrySet()) {
            printTally("  method " + e.getKey(), e.getValue());
        }
        printTally("  all catalogue faces", all);
        System.out.printf(Locale.ROOT, "  detections matching no catalogue face, on images with faces: %d%n", unmatchedOnFaceImages);
        System.out.printf(Locale.ROOT, "  faces found on the %d images with no face: %d%s%n", emptyImages, extrasOnEmpty,
            extrasWhere.isEmpty() ? "" : " " + extrasWhere);

        System.out.println();
        long fallbacks = faces.stream().filter(f -> !f.engineFound()).count();
        System.out.printf(Locale.ROOT, "== Identity: %d catalogue faces with identities, %d pairs; similarity = FaceEngine.similarity, "
            + "same person at >= 80 ==%n", faces.size(), faces.size() * (faces.size() - 1) / 2);
        System.out.println("  engine = descriptor of the engine face paired with the catalogue face (what forceEngine compares)");
        System.out.println("  cat    = descriptor from the catalogue's eyes and mouth (what the emulator computes for catalogue faces)");
        if (fallbacks > 0) {
            System.out.printf(Locale.ROOT, "  %d face(s) not detected by the engine use the catalogue geometry in 'engine' too: %s%n", fallbacks,
                faces.stream().filter(f -> !f.engineFound()).map(Face::label).toList());
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            for (int j = i + 1; j < faces.size(); j++) {
                Face a = faces.get(i);
                Face b = faces.get(j);
                pairs.add(new Pair(a, b, FaceEngine.similarity(a.engineDescriptor(), b.engineDescriptor()),
                    FaceEngine.similarity(a.catalogueDescriptor(), b.catalogueDescriptor())));
            }
        }
        System.out.println();
        System.out.println("Same-identity pairs (lowest engine similarity first; '<' marks a pair below 80, 'px' = narrower face width):");
        pairs.stream().filter(Pair::same).sorted(Comparator.comparingDouble(Pair::engineSim)).forEach(EngineAccuracy::printPair);
        System.out.println();
        List<Pair> different = pairs.stream().filter(p -> !p.same()).sorted(Comparator.comparingDouble(Pair::engineSim).reversed()).toList();
        if (allPairs) {
            System.out.println("Different-identity pairs (highest engine similarity first; '>' marks a pair at 80 or above):");
            different.forEach(EngineAccuracy::printPair);
        } else {
            System.out.printf(Locale.ROOT, "Different-identity pairs: the %d most similar of %d (all with --pairs; '>' marks a pair at 80 or above):%n",
                Math.min(CLOSEST_DIFFERENT_LISTED, different.size()), different.size());
            different.stream().limit(CLOSEST_DIFFERENT_LISTED).forEach(EngineAccuracy::printPair);
        }
        System.out.println();
        System.out.println("Identity totals:");
        summarise("engine, all pairs", pairs, true);
        summarise("engine, faces >= 100 px", pairs.stream().filter(Pair::calibrated).toList(), true);
        summarise("engine, detected >= 100 px", pairs.stream().filter(p -> p.calibrated() && p.a().engineFound()
            && p.b().engineFound()).toList(), true);
        summarise("cat, all pairs", pairs, false);
        summarise("cat, faces >= 100 px", pairs.stream().filter(Pair::calibrated).toList(), false);
        System.out.printf(Locale.ROOT, "%nDone in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void printTally(String what, Tally t) {
        System.out.printf(Locale.ROOT, "%-34s %2d/%-2d found with IoU >= 0.5 (%5.1f %%), mean IoU %.3f%n", what + ":", t.found, t.faces,
            t.faces == 0 ? 0 : 100.0 * t.found / t.faces, t.faces == 0 ? 0 : t.iouSum / t.faces);
    }

    private static void printPair(Pair p) {
        boolean wrong = p.same() ? p.engineSim() < SAME_PERSON : p.engineSim() >= SAME_PERSON;
        System.out.printf(Locale.ROOT, "  %s engine %5.1f  cat %5.1f  %-44s %-44s %4.0f px%n", wrong ? (p.same() ? "<" : ">") : " ",
            p.engineSim(), p.catalogueSim(), p.a().label(), p.b().label(), Math.min(p.a().widthPx(), p.b().widthPx()));
    }

    private static void summarise(String what, List<Pair> pairs, boolean engine) {
        double sameMin = Double.MAX_VALUE;
        double sameSum = 0;
        int same = 0;
        int sameOk = 0;
        double diffMax = -1;
        double diffSum = 0;
        int diff = 0;
        int diffOk = 0;
        for (Pair p : pairs) {
            double s = engine ? p.engineSim() : p.catalogueSim();
            if (p.same()) {
                same++;
                sameSum += s;
                sameMin = Math.min(sameMin, s);
                sameOk += s >= SAME_PERSON ? 1 : 0;
            } else {
                diff++;
                diffSum += s;
                diffMax = Math.max(diffMax, s);
                diffOk += s < SAME_PERSON ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "  %-26s same identity: %3d pairs, min %5.1f, mean %5.1f, %3d/%-3d >= 80 | "
                + "different: %3d pairs, max %5.1f, mean %5.1f, %3d/%-3d < 80 | right side of 80: %d/%d%n",
            what, same, same == 0 ? Double.NaN : sameMin, same == 0 ? Double.NaN : sameSum / same, sameOk, same, diff,
            diff == 0 ? Double.NaN : diffMax, diff == 0 ? Double.NaN : diffSum / diff, diffOk, diff, sameOk + diffOk, same + diff);
    }

    /** Pairs catalogue faces with engine faces one-to-one, highest IoU first; returns the engine index per catalogue face or -1. */
    private static int[] pair(JsonNode catalogueFaces, List<EngineFace> found) {
        int[] partner = new int[catalogueFaces.size()];
        java.util.Arrays.fill(partner, -1);
        boolean[] used = new boolean[found.size()];
        while (true) {
            double best = 0;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < catalogueFaces.size(); i++) {
                if (partner[i] >= 0) {
                    continue;
                }
                for (int j = 0; j < found.size(); j++) {
                    if (used[j]) {
                        continue;
                    }
                    double iou = iou(box(catalogueFaces.get(i)), ratioBox(found.get(j)));
                    if (iou > best) {
                        best = iou;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                return partner;
            }
            partner[bi] = bj;
            used[bj] = true;
        }
    }

    private static BoundingBox box(JsonNode face) {
        JsonNode b = face.get("boundingBox");
        return new BoundingBox(b.get("left").asDouble(), b.get("top").asDouble(), b.get("width").asDouble(), b.get("height").asDouble());
    }

    /** An engine face's box as ratios of its image, as the emulator reports it. */
    private static BoundingBox ratioBox(EngineFace f) {
        PixelBox b = f.box();
        return new BoundingBox(b.left() / f.imageWidth(), b.top() / f.imageHeight(), b.width() / f.imageWidth(),
            b.height() / f.imageHeight());
    }

    /**
     * The descriptor of a catalogue face from its landmarks (ratios), aligned on the eyes and the mid-point of the
     * mouth corners, as the emulator describes catalogue faces.
     */
    private static FaceDescriptor describeByLandmarks(FaceEngine engine, BufferedImage upright, JsonNode face) {
        JsonNode lm = face.get("landmarks");
        int w = upright.getWidth();
        int h = upright.getHeight();
        JsonNode l = lm.get("eyeLeft");
        JsonNode r = lm.get("eyeRight");
        JsonNode ml = lm.get("mouthLeft");
        JsonNode mr = lm.get("mouthRight");
        return engine.describe(upright, new PixelPoint(l.get("x").asDouble() * w, l.get("y").asDouble() * h),
            new PixelPoint(r.get("x").asDouble() * w, r.get("y").asDouble() * h),
            new PixelPoint((ml.get("x").asDouble() + mr.get("x").asDouble()) / 2 * w,
                (ml.get("y").asDouble() + mr.get("y").asDouble()) / 2 * h));
    }

    private static double iou(BoundingBox a, BoundingBox b) {
        double ix = Math.max(0, Math.min(a.left() + a.width(), b.left() + b.width()) - Math.max(a.left(), b.left()));
        double iy = Math.max(0, Math.min(a.top() + a.height(), b.top() + b.height()) - Math.max(a.top(), b.top()));
        double inter = ix * iy;
        double union = a.area() + b.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
