package dev.rekoface.engine;

/**
 * dlib's face recognition ResNet as packaged by face-api.js ({@code face_recognition_model}): a 150x150 RGB face chip
 * in, a 128-d descriptor out (not L2-normalised). Layer for layer the network of face-api.js's
 * {@code FaceRecognitionNet}: a 7x7/2 convolution, a 3x3/2 max pool, residual blocks of 32, 64, 128 and 256 channels
 * (down-sampling blocks use a 3x3/2 VALID convolution and a 2x2/2 average pool of the shortcut, zero-padded in
 * channels and, when needed, by one row and column of the residual), a global mean and a 256x128 matrix. Each
 * convolution's bias and the following scale layer are folded into the weights when loading.
 *
 * <p>Immutable and thread-safe once loaded.
 */
final class RecognitionNet {
    static final int SIZE = 150;
    private static final int MAX_BUF = 72 * 72 * 32;

    /**
     * The stem and the first blocks (maps of 72x72, 35x35 and 17x17 pixels, 32 and 64 channels) run planar
     * ({@link PlanarOps}): there the pixels, not the channels, give the long loops. The later blocks (8x8 and
     * smaller, 128 and 256 channels) run channels-last.
     */
    private static final int PLANAR_BLOCKS = 7;

    /** A convolution for the planar part: weights as one row per output channel, in (ky, kx, channel) order. */
    private record Planar(int k, int stride, boolean same, int inC, int outC, float[][] rows, float[] bias) {
        static Planar of(Conv c) {
            float[][] rows = new float[c.outC][c.weights.length];
            for (int r = 0; r < c.weights.length; r++) {
                for (int o = 0; o < c.outC; o++) {
                    rows[o][r] = c.weights[r][o];
                }
            }
            return new Planar(c.kh, c.stride, c.same, c.inC, c.outC, rows, c.bias);
        }

        int outSize(int in) {
            return Layers.outSize(in, k, stride, same);
        }

        int padBefore(int in) {
            return Layers.padBefore(in, outSize(in), k, stride, same);
        }

        /** Runs the convolution on h x w planes (same arithmetic as {@link Conv#apply}). */
        int apply(float[][] in, int h, int w, float[][] cols, float[][] out, boolean relu) {
            int oh = outSize(h);
            int ow = outSize(w);
            PlanarOps.im2colT(in, h, w, inC, k, k, stride, padBefore(h), padBefore(w), oh, ow, cols);
            PlanarOps.pointwise(cols, rows, bias, out, k * k * inC, oh * ow, relu);
            return oh;
        }

        long weightBytes() {
            return 4L * (outC * (long) k * k * inC + outC);
        }
    }

    private final Planar stem;
    private final Planar[][] planarBlocks;
    private final Conv[][] blocks;
    private final boolean[] down;
    private final float[][] fc;

    RecognitionNet(TfjsWeights w) {
        stem = Planar.of(conv(w, "conv32_down", 7, 3, 32, 2, false));
        String[] names = {"conv32_1", "conv32_2", "conv32_3", "conv64_down", "conv64_1", "conv64_2", "conv64_3",
            "conv128_down", "conv128_1", "conv128_2", "conv256_down", "conv256_1", "conv256_2", "conv256_down_out"};
        blocks = new Conv[names.length][];
        planarBlocks = new Planar[PLANAR_BLOCKS][];
        down = new boolean[names.length];
        int c = 32;
        for (int i = 0; i < names.length; i++) {
            boolean isDown = names[i].contains("down");
            int outC = w.shape(names[i] + "/conv1/conv/filters")[3];
            down[i] = isDown;
            Conv c1 = conv(w, names[i] + "/conv1", 3, c, outC, isDown ? 2 : 1, !isDown);
            Conv c2 = conv(w, names[i] + "/conv2", 3, outC, outC, 1, true);
            if (i < PLANAR_BLOCKS) {
                planarBlocks[i] = new Planar[] {Planar.of(c1), Planar.of(c2)};
            } else {
                blocks[i] = new Conv[] {c1, c2};
            }
            c = outC;
        }
        fc = Gemm.rows(w.get("fc", 256, 128), 256, 128);
    }

    private static Conv conv(TfjsWeights w, String prefix, int k, int inC, int outC, int stride, boolean same) {
        Conv raw = new Conv(k, k, inC, outC, stride, same, w.get(prefix + "/conv/filters", k, k, inC, outC),
            w.get(prefix + "/conv/bias", outC));
        return raw.scaled(w.get(prefix + "/scale/weights", outC), w.get(prefix + "/scale/biases", outC));
    }

    /**
     * Computes the descriptor of a 150x150 chip.
     *
     * @param argb 150*150 packed RGB pixels, row by row
     * @return the 128 values
     */
    float[] describe(int[] argb) {
        Workspace ws = Workspace.get();
        // planar part: stem, 3x3/2 max pool, blocks at 35x35 and 17x17
        float[][] a = ws.rows(Workspace.REC_A, 3, SIZE * SIZE);
        ws.rows(Workspace.REC_A, stem.outC, 35 * 35);
        ws.rows(Workspace.REC_A, 64, 17 * 17);
        float[][] b1 = ws.rows(Workspace.REC_B, stem.outC, 72 * 72);
        ws.rows(Workspace.REC_B, 64, 17 * 17);
        float[][] b2 = ws.rows(Workspace.REC_C, stem.outC, 35 * 35);
        ws.rows(Workspace.REC_C, 64, 17 * 17);
        float[][] cols = ws.rows(Workspace.REC_COLS, PlanarOps.im2colScratch(7 * 7 * 3), 75 * 75);
        ws.rows(Workspace.REC_COLS, PlanarOps.im2colScratch(9 * 32), 35 * 35);
        cols = ws.rows(Workspace.REC_COLS, PlanarOps.im2colScratch(9 * 64), 17 * 17);
        a = ws.rows(Workspace.REC_A, 0, 0);
        b1 = ws.rows(Workspace.REC_B, 0, 0);
        b2 = ws.rows(Workspace.REC_C, 0, 0);
        normalisedPlanes(argb, a);
        int h = stem.apply(a, SIZE, SIZE, cols, first(b1, stem.outC), true);
        int ph = (h - 3) / 2 + 1;
        PlanarOps.maxPool(first(b1, stem.outC), h, h, 3, 2, 0, 0, ph, ph, first(a, stem.outC));
        h = ph;
        float[][] x = a;
        float[][] t = b1;
        float[][] o = b2;
        int c = stem.outC;
        for (int b = 0; b < PLANAR_BLOCKS; b++) {
            Planar c1 = planarBlocks[b][0];
            Planar c2 = planarBlocks[b][1];
            int oh = c1.apply(first(x, c), h, h, cols, first(t, c1.outC), true);
            c2.apply(first(t, c1.outC), oh, oh, cols, first(o, c2.outC), false);
            int p = oh * oh;
            if (!down[b]) {
                PlanarOps.add(first(o, c), first(x, c), first(o, c), p, true);
            } else {
                // shortcut: 2x2/2 average pool of x, zero-padded to the new channel count
                int pooled = (h - 2) / 2 + 1;
                if (pooled != oh) {
                    throw new IllegalStateException("planar shortcut of " + pooled + " px for a map of " + oh);
                }
                PlanarOps.avgPool2(first(x, c), h, h, pooled, first(t, c));
                PlanarOps.add(first(o, c), first(t, c), first(o, c), p, true);
                for (int j = c; j < c2.outC; j++) {
                    Layers.relu(o[j], p);
                }
            }
            float[][] swap = x;
            x = o;
            o = swap;
            h = oh;
            c = c2.outC;
        }
        Tensor xt = new Tensor(h, h, c, ws.buffer(0, MAX_BUF));
        PlanarOps.toChannelsLast(x, h * h, c, xt.data);
        return rest(xt, ws);
    }

    /** The first n planes of a set of scratch planes. */
    private static float[][] first(float[][] planes, int n) {
        return planes.length == n ? planes : java.util.Arrays.copyOf(planes, n);
    }

    /** face-api.js's normalisation, as {@link Layers#normalisedRgb}, into three planes. */
    private static void normalisedPlanes(int[] argb, float[][] out) {
        float[] r = out[0];
        float[] g = out[1];
        float[] bl = out[2];
        for (int i = 0; i < SIZE * SIZE; i++) {
            int p = argb[i];
            r[i] = (((p >> 16) & 0xff) - 122.782f) / 255f;
            g[i] = (((p >> 8) & 0xff) - 117.001f) / 255f;
            bl[i] = ((p & 0xff) - 104.298f) / 255f;
        }
    }

    /** The channels-last blocks (8x8 and smaller), the global mean and the final matrix. */
    private float[] rest(Tensor x, Workspace ws) {
        int xi = 0;
        for (int b = PLANAR_BLOCKS; b < blocks.length; b++) {
            int ti = (xi + 1) % 3;
            int oi = (xi + 2) % 3;
            Conv c1 = blocks[b][0];
            Conv c2 = blocks[b][1];
            Tensor mid = c1.apply(x, ws.buffer(ti, MAX_BUF), true, ws);
            Tensor out = c2.apply(mid, ws.buffer(oi, MAX_BUF), ws);
            if (!down[b]) {
                Layers.addInPlace(out.data, x.data, out.size());
                Layers.relu(out.data, out.size());
                x = out;
            } else {
                // shortcut: 2x2/2 average pool of x, zero-padded to the new channel count
                Tensor pooled = Layers.pool(x, 2, 2, false, false, ws.buffer(ti, MAX_BUF));
                int ph = pooled.h;
                int pw = pooled.w;
                int n = out.c;
                float[] res = ws.buffer(xi, MAX_BUF); // x is no longer needed
                for (int y = 0; y < ph; y++) {
                    for (int xx = 0; xx < pw; xx++) {
                        int r = (y * pw + xx) * n;
                        boolean inside = y < out.h && xx < out.w;
                        int o = (y * out.w + xx) * n;
                        int pBase = (y * pw + xx) * pooled.c;
                        for (int j = 0; j < n; j++) {
                            float v = inside ? out.data[o + j] : 0f;
                            if (j < pooled.c) {
                                v += pooled.data[pBase + j];
                            }
                            res[r + j] = Math.max(v, 0f);
                        }
                    }
                }
                x = new Tensor(ph, pw, n, res);
                oi = xi;
            }
            xi = oi;
        }
        float[] mean = new float[x.c];
        int pixels = x.h * x.w;
        for (int i = 0; i < pixels; i++) {
            for (int j = 0; j < x.c; j++) {
                mean[j] += x.data[i * x.c + j];
            }
        }
        for (int j = 0; j < x.c; j++) {
            mean[j] /= pixels;
        }
        float[] out = new float[128];
        for (int j = 0; j < x.c; j++) {
            float m = mean[j];
            for (int o = 0; o < 128; o++) {
                out[o] += m * fc[j][o];
            }
        }
        return out;
    }

    long weightBytes() {
        long sum = stem.weightBytes() + 4L * 256 * 128;
        for (Planar[] b : planarBlocks) {
            sum += b[0].weightBytes() + b[1].weightBytes();
        }
        for (int i = PLANAR_BLOCKS; i < blocks.length; i++) {
            sum += blocks[i][0].weightBytes() + blocks[i][1].weightBytes();
        }
        return sum;
    }
}
