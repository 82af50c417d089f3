package dev.rekoface.testkit.engine;

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

    private final Conv stem;
    private final Conv[][] blocks;
    private final boolean[] down;
    private final float[][] fc;

    RecognitionNet(TfjsWeights w) {
        stem = conv(w, "conv32_down", 7, 3, 32, 2, false);
        String[] names = {"conv32_1", "conv32_2", "conv32_3", "conv64_down", "conv64_1", "conv64_2", "conv64_3",
            "conv128_down", "conv128_1", "conv128_2", "conv256_down", "conv256_1", "conv256_2", "conv256_down_out"};
        blocks = new Conv[names.length][];
        down = new boolean[names.length];
        int c = 32;
        for (int i = 0; i < names.length; i++) {
            boolean isDown = names[i].contains("down");
            int outC = w.shape(names[i] + "/conv1/conv/filters")[3];
            down[i] = isDown;
            blocks[i] = new Conv[] {
                conv(w, names[i] + "/conv1", 3, c, outC, isDown ? 2 : 1, !isDown),
                conv(w, names[i] + "/conv2", 3, outC, outC, 1, true)};
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
        Tensor x = Layers.normalisedRgb(argb, SIZE, SIZE, ws.buffer(0, MAX_BUF));
        Tensor t = stem.apply(x, ws.buffer(1, MAX_BUF), ws);
        Layers.relu(t.data, t.size());
        x = Layers.pool(t, 3, 2, false, true, ws.buffer(0, MAX_BUF));
        int xi = 0;
        for (int b = 0; b < blocks.length; b++) {
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
        for (Conv[] b : blocks) {
            sum += b[0].weightBytes() + b[1].weightBytes();
        }
        return sum;
    }
}
