package dev.rekoface.engine;

/**
 * face-api.js's {@code FaceExpressionNet} ({@code face_expression_model}): a 112x112 RGB face chip in, seven
 * probabilities out (softmax) in the order neutral, happy, sad, angry, fearful, disgusted, surprised. The feature
 * extractor is four dense blocks of four convolutions each (the first of the first block a plain 3x3/2 convolution,
 * every other one a depthwise-separable 3x3 convolution; the first of each block strides 2; block outputs are ReLUs
 * of running sums), then a 7x7/2 average pool and a 256x7 fully connected layer.
 *
 * <p>Immutable and thread-safe once loaded.
 */
final class ExpressionNet {
    static final int SIZE = 112;
    static final int CLASSES = 7;
    private static final int MAX_BUF = 56 * 56 * 32;

    private final Conv first;
    /** [block][layer] depthwise part; [0][0] unused. */
    private final Depthwise[][] dw = new Depthwise[4][4];
    private final Conv[][] pw = new Conv[4][4];
    private final float[] fcW;
    private final float[] fcB;

    ExpressionNet(TfjsWeights w) {
        first = new Conv(3, 3, 3, 32, 2, true, w.get("dense0/conv0/filters", 3, 3, 3, 32), w.get("dense0/conv0/bias", 32));
        int inC = 32;
        int[] outs = {32, 64, 128, 256};
        for (int b = 0; b < 4; b++) {
            int outC = outs[b];
            for (int l = 0; l < 4; l++) {
                if (b == 0 && l == 0) {
                    continue;
                }
                String p = "dense" + b + "/conv" + l + "/";
                int c = l == 0 ? inC : outC;
                dw[b][l] = new Depthwise(3, 3, c, l == 0 ? 2 : 1, true, w.get(p + "depthwise_filter", 3, 3, c, 1), null);
                pw[b][l] = new Conv(1, 1, c, outC, 1, true, w.get(p + "pointwise_filter", 1, 1, c, outC),
                    w.get(p + "bias", outC));
            }
            inC = outC;
        }
        fcW = w.get("fc/weights", 256, CLASSES);
        fcB = w.get("fc/bias", CLASSES);
    }

    /**
     * Computes the expression probabilities of a 112x112 chip.
     *
     * @param argb 112*112 packed RGB pixels, row by row
     * @return 7 probabilities summing to 1
     */
    float[] classify(int[] argb) {
        Workspace ws = Workspace.get();
        Tensor x = Layers.normalisedRgb(argb, SIZE, SIZE, ws.buffer(0, MAX_BUF));
        for (int b = 0; b < 4; b++) {
            Tensor o1;
            if (b == 0) {
                o1 = first.apply(x, ws.buffer(1, MAX_BUF), ws);
            } else {
                Tensor d = dw[b][0].apply(x, ws.buffer(5, MAX_BUF));
                o1 = pw[b][0].apply(d, ws.buffer(1, MAX_BUF), ws);
            }
            int n = o1.size();
            Layers.relu(o1.data, n);
            // running sum s = o1 + o2 + ...; next input = relu(s)
            float[] sum = ws.buffer(2, MAX_BUF);
            System.arraycopy(o1.data, 0, sum, 0, n);
            Tensor in = o1;
            for (int l = 1; l < 4; l++) {
                Tensor d = dw[b][l].apply(in, ws.buffer(5, MAX_BUF));
                Tensor o = pw[b][l].apply(d, ws.buffer(3, MAX_BUF), ws);
                Layers.addInPlace(sum, o.data, n);
                float[] next = ws.buffer(l == 3 ? 0 : 4, MAX_BUF);
                for (int i = 0; i < n; i++) {
                    next[i] = Math.max(sum[i], 0f);
                }
                in = new Tensor(o1.h, o1.w, o1.c, next);
            }
            x = in;
        }
        Tensor pooled = Layers.pool(x, 7, 2, false, false, ws.buffer(1, MAX_BUF));
        float[] logits = fcB.clone();
        for (int j = 0; j < 256; j++) {
            float v = pooled.data[j];
            for (int o = 0; o < CLASSES; o++) {
                logits[o] += v * fcW[j * CLASSES + o];
            }
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[CLASSES];
        for (int o = 0; o < CLASSES; o++) {
            e[o] = Math.exp(logits[o] - max);
            sum += e[o];
        }
        float[] p = new float[CLASSES];
        for (int o = 0; o < CLASSES; o++) {
            p[o] = (float) (e[o] / sum);
        }
        return p;
    }

    long weightBytes() {
        long sum = first.weightBytes() + 4L * (fcW.length + fcB.length);
        for (int b = 0; b < 4; b++) {
            for (int l = 0; l < 4; l++) {
                if (dw[b][l] != null) {
                    sum += dw[b][l].weightBytes() + pw[b][l].weightBytes();
                }
            }
        }
        return sum;
    }
}
