package dev.rekoface.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds faces with the two BlazeFace models much as the fixture catalogue's geometry was obtained (see
 * {@code catalogue-README.md}): the upright image, reduced to at most {@link #WORKING_SIDE} px, is searched as a whole
 * (letterboxed into squares of 1, 1.6 and 2.5 times its long side, both models: {@link #WHOLE_IMAGE_PADDING}) and in
 * overlapping square tiles (full-range model); raw detections (score &gt;= 0.5) are clustered (IoU &gt; 0.3,
 * score-weighted mean).
 *
 * <p>The catalogue searched tiles of 100 %, 60 % and 35 % of the short side with 50 % overlap: 18 full-range runs
 * for a 640 x 376 photo, 49 for a 1244 x 984 one. Here the tiles follow from the faces to be found
 * ({@link Search#DEFAULT}): the full-range model finds faces of about 12 to 80 of its 192 input pixels (score mostly
 * above 0.7 from 14 px; weak, near-profile faces need 16-20 px), so one tile scale gives the smallest face searched
 * for (2.8 % of the long side, at least 24 px: faces of 20-25 px in photos under 1143 px would otherwise get 12
 * model pixels) 17 model pixels, and the tiles overlap only by the largest face the
 * coarser pass (whole image, or tiles of the short side for oblong images) may miss: 6 tiles for 640 x 376, 14 for
 * 1244 x 984. Every catalogue face is still proposed (lowest proposal score 0.71) and found.
 *
 * <p>Caveat, measured on the fixtures: the final geometry comes from the refinement crops below, which are placed
 * around the proposal, so any change of the proposals moves the landmarks by about 1 % of the face, and the
 * descriptors of the Werner Vogels photos (same person at similarity 80-90, right at Rekognition's threshold) move
 * by up to 10 points of similarity. With proposals shifted by 4 % of the face, the three Werner pairs all stay at or
 * above 80 only about half the time, with these tiles as with the catalogue's.
 *
 * <p>Each cluster
 * scoring at least {@link #CANDIDATE_SCORE} is detected again with the short-range model on three square crops around
 * it (2.0, 2.6 and 3.4 times its size); those detections are averaged, and the face is kept when it was found in at
 * least two crops and its best score reaches {@link #MIN_FACE_SCORE} (the catalogue dropped every non-face cluster,
 * all of which scored below 0.8). Near-profile faces (yaw 45-70 degrees) and faces of 20-40 px score 0.6-0.8 there,
 * as do some textures (a galaxy of hubble_deep_field.jpg: 0.66-0.72); such a face is kept only when the full-range
 * model, too, finds it on two wider crops ({@link #refine}), which it does for those faces and not for the textures
 * seen on the fixture and evaluation photos.
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
    /**
     * The whole image is searched letterboxed into squares of these multiples of its long side: the full-range model
     * reads faces of about 6-42 % of its input, so a face filling a tight crop (up to the whole short side) is in its
     * range only in the widest square, and the widest square is where a face is not cut by the border.
     */
    static final double[] WHOLE_IMAGE_PADDING = {1.0, 1.6, 2.5};
    /** A face that fails the short-range check may still be kept with at least this score (see {@link #refine}). */
    static final float MIN_AGREED_SCORE = 0.7f;
    /** ... when found in at least this many of the refinement crops of both models together. */
    private static final int MIN_AGREED = 4;
    /**
     * Crops on which the full-range model re-detects a face the short-range check rejected: {times the face size, at
     * least this many model inputs}. The floor keeps a small face at its own resolution (the model reads faces of
     * 6-42 % of its input; upscaling a 25 px face only blurs it).
     */
    private static final double[][] WIDE_REFINE = {{4.5, 1.0}, {6.0, 1.4}};

    private final BlazeFace shortRange;
    private final BlazeFace fullRange;
    private final Search search;

    FaceDetector(BlazeFace shortRange, BlazeFace fullRange) {
        this(shortRange, fullRange, Search.DEFAULT);
    }

    FaceDetector(BlazeFace shortRange, BlazeFace fullRange, Search search) {
        this.shortRange = shortRange;
        this.fullRange = fullRange;
        this.search = search;
    }

    /**
     * Where the full-range model is run besides the whole image: square tiles at the scale that gives the smallest
     * face searched for {@code tileFacePx} model pixels, overlapping by the largest face that the next coarser pass
     * may miss, plus (for clearly oblong images whose fine scale is far from the whole-image scale) tiles of the short
     * side as an intermediate scale.
     *
     * @param minFaceRatio smallest face searched for, as a fraction of the raster's long side
     * @param minFacePx smallest face searched for, in raster pixels (the larger of the two applies)
     * @param tileFacePx model pixels the smallest face gets in a tile
     * @param trustFacePx smallest face, in model pixels, that a coarser pass is trusted to find
     * @param margin tiles overlap by this times the largest face the coarser pass may miss
     * @param midRatio short-side tiles are added when the fine scale is at least this times theirs
     * @param slack tiles may grow by up to this factor when that saves tiles
     * @param legacy use the catalogue's tiles instead (100, 60 and 35 % of the short side, 50 % overlap)
     */
    record Search(double minFaceRatio, double minFacePx, double tileFacePx, double trustFacePx, double margin,
                  double midRatio, double slack, boolean legacy) {
        static final Search DEFAULT = new Search(0.028, 24, 17, 14, 1.0, 1.5, 1.1, false);
        static final Search LEGACY = new Search(0, 0, 0, 0, 0, 0, 1, true);

        /** Returns the square tiles {x0, y0, side} for a raster of w x h pixels and a model input of n pixels. */
        List<double[]> tiles(int w, int h, int n) {
            List<double[]> out = new ArrayList<>();
            int shortSide = Math.min(w, h);
            if (legacy) {
                for (double f : TILE_FRACTIONS) {
                    int t = (int) Math.round(shortSide * f);
                    if (t < MIN_TILE && f < 1.0) {
                        continue;
                    }
                    grid(w, h, t, t / 2.0, out);
                }
                return out;
            }
            int longSide = Math.max(w, h);
            double coarse = (double) n / longSide;
            double minFace = Math.max(minFaceRatio * longSide, minFacePx);
            if (minFace * coarse >= trustFacePx) {
                return out; // the whole-image pass sees the smallest face large enough
            }
            double fine = tileFacePx / minFace;
            if (w != h && fine >= midRatio * n / shortSide) {
                grid(w, h, shortSide, shortSide / 2.0, out);
                coarse = (double) n / shortSide;
            }
            double t0 = n / fine;
            double overlap = margin * trustFacePx / coarse;
            int best = count(w, h, slack * t0, overlap);
            double t = t0;
            while (count(w, h, t, overlap) > best) {
                t = Math.min(slack * t0, t + 1);
            }
            grid(w, h, t, t - Math.min(t / 2, overlap), out);
            return out;
        }

        private static int count(int w, int h, double t, double overlap) {
            double stride = t - Math.min(t / 2, overlap);
            return positions(w, t, stride) * positions(h, t, stride);
        }

        private static void grid(int w, int h, double t, double stride, List<double[]> out) {
            int nx = positions(w, t, stride);
            int ny = positions(h, t, stride);
            for (int iy = 0; iy < ny; iy++) {
                for (int ix = 0; ix < nx; ix++) {
                    double x0 = nx == 1 ? (w - t) / 2.0 : ix * (w - t) / (nx - 1);
                    double y0 = ny == 1 ? (h - t) / 2.0 : iy * (h - t) / (ny - 1);
                    out.add(new double[] {x0, y0, t});
                }
            }
        }

        private static int positions(int extent, double tile, double stride) {
            if (tile >= extent) {
                return 1;
            }
            return (int) Math.ceil((extent - tile) / stride - 1e-9) + 1;
        }
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
        return detect(r, null);
    }

    /** As {@link #detect(Raster)}; {@code runs}, when not null, receives the number of model runs in {@code [0]}. */
    List<Det> detect(Raster r, int[] runs) {
        int[] count = runs == null ? new int[1] : runs;
        List<Det> raw = new ArrayList<>();
        int longSide = Math.max(r.width, r.height);
        for (double pad : WHOLE_IMAGE_PADDING) {
            double side = longSide * pad;
            double lx = (r.width - side) / 2.0;
            double ly = (r.height - side) / 2.0;
            run(shortRange, r, lx, ly, side, raw, count);
            run(fullRange, r, lx, ly, side, raw, count);
        }
        for (double[] t : search.tiles(r.width, r.height, fullRange.inputSize())) {
            run(fullRange, r, t[0], t[1], t[2], raw, count);
        }
        List<Det> faces = new ArrayList<>();
        List<Det> candidates = cluster(raw);
        for (int i = 0; i < Math.min(MAX_CANDIDATES, candidates.size()); i++) {
            Det d = candidates.get(i);
            if (d.score < CANDIDATE_SCORE) {
                break;
            }
            Det refined = refine(r, d, count);
            if (refined != null) {
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

    private void run(BlazeFace model, Raster r, double x0, double y0, double side, List<Det> out, int[] count) {
        count[0]++;
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

    /**
     * Re-detects a candidate on crops around it. Kept when the short-range model finds it in at least
     * {@link #MIN_REFINED} of its crops with a best score of {@link #MIN_FACE_SCORE}; otherwise, when the short-range
     * model found it at least twice, the full-range model looks at wider crops ({@link #WIDE_REFINE}), and the
     * face is kept when found in at least {@link #MIN_AGREED} of the five crops with a best score of
     * {@link #MIN_AGREED_SCORE}. That second way finds near-profile and small faces (the short-range model, trained on
     * frontal faces near the camera, scores them 0.6-0.8) but not textures that only one model takes for a face.
     *
     * @return the face averaged over the crops that found it, or null
     */
    private Det refine(Raster r, Det face, int[] count) {
        List<Det> found = new ArrayList<>();
        float best = face.score;
        for (int k = 0; k < REFINE_FACTORS.length; k++) {
            if (found.size() + REFINE_FACTORS.length - k < MIN_REFINED) {
                return null; // cannot reach MIN_REFINED any more: same outcome, fewer runs
            }
            Det c = refineCrop(shortRange, r, face, REFINE_FACTORS[k], 0, count);
            if (c != null) {
                found.add(c);
                best = Math.max(best, c.score);
            }
        }
        if (found.size() < MIN_REFINED) {
            return null;
        }
        if (best < MIN_FACE_SCORE) {
            if (found.size() + WIDE_REFINE.length < MIN_AGREED) {
                return null;
            }
            for (double[] wide : WIDE_REFINE) {
                Det c = refineCrop(fullRange, r, face, wide[0], wide[1] * fullRange.inputSize(), count);
                if (c != null) {
                    found.add(c);
                    best = Math.max(best, c.score);
                }
            }
            if (found.size() < MIN_AGREED || best < MIN_AGREED_SCORE) {
                return null;
            }
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

    /**
     * Detects a face again on a square crop of {@code factor} times its size (at least {@code minSide} raster pixels)
     * around it; null when not found.
     */
    private Det refineCrop(BlazeFace model, Raster r, Det face, double factor, double minSide, int[] count) {
        double side = Math.max(Math.max(face.w, face.h) * factor, minSide);
        List<Det> raw = new ArrayList<>();
        run(model, r, face.cx - side / 2, face.cy - side / 2, side, raw, count);
        List<Det> hits = new ArrayList<>();
        for (Det d : raw) {
            if (d.iou(face) > CLUSTER_IOU) {
                hits.add(d);
            }
        }
        return hits.isEmpty() ? null : cluster(hits).get(0);
    }
}
