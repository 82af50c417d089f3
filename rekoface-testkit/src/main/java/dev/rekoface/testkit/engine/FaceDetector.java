package dev.rekoface.testkit.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds faces with the two BlazeFace models the way the fixture catalogue's geometry was obtained (see
 * {@code catalogue-README.md}): the upright image, reduced to at most {@link #WORKING_SIDE} px, is searched as a whole
 * (letterboxed, both models) and in overlapping square tiles (100 %, 60 % and 35 % of its short side, 50 % overlap,
 * full-range model); raw detections (score &gt;= 0.5) are clustered (IoU &gt; 0.3, score-weighted mean). Each cluster
 * scoring at least {@link #CANDIDATE_SCORE} is detected again with the short-range model on three square crops around
 * it (2.0, 2.6 and 3.4 times its size); those detections are averaged, and the face is kept when it was found in at
 * least two crops and its best score reaches {@link #MIN_FACE_SCORE} (the catalogue dropped every non-face cluster,
 * all of which scored below 0.8).
 *
 * <p>Immutable and thread-safe.
 */
final class FaceDetector {
    static final int WORKING_SIDE = 2000;
    static final float RAW_THRESHOLD = 0.5f;
    static final float MIN_FACE_SCORE = 0.8f;
    static final double CLUSTER_IOU = 0.3;
    /** Clusters scoring at least this are re-detected on crops around them before the final decision. */
    static final float CANDIDATE_SCORE = 0.55f;
    private static final int MAX_CANDIDATES = 24;
    /** A face must be found again in at least this many of the refinement crops. */
    private static final int MIN_REFINED = 2;
    private static final double[] TILE_FRACTIONS = {1.0, 0.6, 0.35};
    private static final double[] REFINE_FACTORS = {2.0, 2.6, 3.4};
    /** Smallest tile side in working pixels: smaller tiles would only enlarge pixels. */
    private static final int MIN_TILE = 160;

    private final BlazeFace shortRange;
    private final BlazeFace fullRange;

    FaceDetector(BlazeFace shortRange, BlazeFace fullRange) {
        this.shortRange = shortRange;
        this.fullRange = fullRange;
    }

    /** A face in working-raster pixels: BlazeFace's square box and six keypoints. */
    static final class Det {
        float score;
        double cx;
        double cy;
        double w;
        double h;
        final double[] kp = new double[12];
        int support = 1;

        double iou(Det o) {
            double ix = Math.max(0, Math.min(cx + w / 2, o.cx + o.w / 2) - Math.max(cx - w / 2, o.cx - o.w / 2));
            double iy = Math.max(0, Math.min(cy + h / 2, o.cy + o.h / 2) - Math.max(cy - h / 2, o.cy - o.h / 2));
            double inter = ix * iy;
            double union = w * h + o.w * o.h - inter;
            return union <= 0 ? 0 : inter / union;
        }
    }

    /**
     * Detects the faces of a raster.
     *
     * @param r the working raster
     * @return faces in raster pixels, best score first
     */
    List<Det> detect(Raster r) {
        List<Det> raw = new ArrayList<>();
        int side = Math.max(r.width, r.height);
        double lx = (r.width - side) / 2.0;
        double ly = (r.height - side) / 2.0;
        run(shortRange, r, lx, ly, side, raw);
        run(fullRange, r, lx, ly, side, raw);
        int shortSide = Math.min(r.width, r.height);
        for (double f : TILE_FRACTIONS) {
            int t = (int) Math.round(shortSide * f);
            if (t < MIN_TILE && f < 1.0) {
                continue;
            }
            int nx = positions(r.width, t);
            int ny = positions(r.height, t);
            for (int iy = 0; iy < ny; iy++) {
                for (int ix = 0; ix < nx; ix++) {
                    double x0 = nx == 1 ? (r.width - t) / 2.0 : (double) ix * (r.width - t) / (nx - 1);
                    double y0 = ny == 1 ? (r.height - t) / 2.0 : (double) iy * (r.height - t) / (ny - 1);
                    run(fullRange, r, x0, y0, t, raw);
                }
            }
        }
        List<Det> faces = new ArrayList<>();
        List<Det> candidates = cluster(raw);
        for (int i = 0; i < Math.min(MAX_CANDIDATES, candidates.size()); i++) {
            Det d = candidates.get(i);
            if (d.score < CANDIDATE_SCORE) {
                break;
            }
            Det refined = refine(r, d);
            if (refined != null && refined.score >= MIN_FACE_SCORE) {
                faces.add(refined);
            }
        }
        // refinement can make two clusters converge on one face
        faces.sort(Comparator.comparingDouble((Det d) -> -d.score));
        List<Det> unique = new ArrayList<>();
        for (Det d : faces) {
            if (unique.stream().noneMatch(u -> u.iou(d) > CLUSTER_IOU)) {
                unique.add(d);
            }
        }
        return unique;
    }

    private static int positions(int extent, int tile) {
        if (tile >= extent) {
            return 1;
        }
        return (int) Math.ceil((extent - tile) / (tile / 2.0)) + 1;
    }

    private void run(BlazeFace model, Raster r, double x0, double y0, double side, List<Det> out) {
        int n = model.inputSize();
        float[] in = new float[n * n * 3];
        r.sampleSquare(x0, y0, side, n, in);
        for (BlazeFace.Raw d : model.detect(in, RAW_THRESHOLD)) {
            Det det = new Det();
            det.score = d.score();
            det.cx = x0 + d.cx() * side;
            det.cy = y0 + d.cy() * side;
            det.w = d.w() * side;
            det.h = d.h() * side;
            for (int k = 0; k < 6; k++) {
                det.kp[2 * k] = x0 + d.keypoints()[2 * k] * side;
                det.kp[2 * k + 1] = y0 + d.keypoints()[2 * k + 1] * side;
            }
            out.add(det);
        }
    }

    /** Weighted non-maximum suppression: clusters by IoU with the best remaining detection, score-weighted mean. */
    static List<Det> cluster(List<Det> raw) {
        List<Det> rest = new ArrayList<>(raw);
        rest.sort(Comparator.comparingDouble((Det d) -> -d.score));
        List<Det> out = new ArrayList<>();
        while (!rest.isEmpty()) {
            Det best = rest.get(0);
            List<Det> members = new ArrayList<>();
            for (Det d : rest) {
                if (d == best || best.iou(d) > CLUSTER_IOU) {
                    members.add(d);
                }
            }
            rest.removeAll(members);
            out.add(mean(members, best.score));
        }
        return out;
    }

    private static Det mean(List<Det> members, float score) {
        Det m = new Det();
        double total = 0;
        for (Det d : members) {
            total += d.score;
            m.cx += d.score * d.cx;
            m.cy += d.score * d.cy;
            m.w += d.score * d.w;
            m.h += d.score * d.h;
            for (int k = 0; k < 12; k++) {
                m.kp[k] += d.score * d.kp[k];
            }
        }
        m.cx /= total;
        m.cy /= total;
        m.w /= total;
        m.h /= total;
        for (int k = 0; k < 12; k++) {
            m.kp[k] /= total;
        }
        m.score = score;
        m.support = members.size();
        return m;
    }

    private Det refine(Raster r, Det face) {
        List<Det> found = new ArrayList<>();
        float best = face.score;
        for (double f : REFINE_FACTORS) {
            double side = Math.max(face.w, face.h) * f;
            List<Det> raw = new ArrayList<>();
            run(shortRange, r, face.cx - side / 2, face.cy - side / 2, side, raw);
            List<Det> hits = new ArrayList<>();
            for (Det d : raw) {
                if (d.iou(face) > CLUSTER_IOU) {
                    hits.add(d);
                }
            }
            if (!hits.isEmpty()) {
                Det c = cluster(hits).get(0);
                found.add(c);
                best = Math.max(best, c.score);
            }
        }
        if (found.size() < MIN_REFINED) {
            return null;
        }
        Det m = new Det();
        for (Det d : found) {
            m.cx += d.cx / found.size();
            m.cy += d.cy / found.size();
            m.w += d.w / found.size();
            m.h += d.h / found.size();
            for (int k = 0; k < 12; k++) {
                m.kp[k] += d.kp[k] / found.size();
            }
        }
        m.score = best;
        m.support = face.support;
        return m;
    }
}
