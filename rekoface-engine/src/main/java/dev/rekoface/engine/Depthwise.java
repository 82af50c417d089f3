package dev.rekoface.engine;

/**
 * A depthwise 2-D convolution (multiplier 1) with optional bias, weights in (ky, kx, channel) order, TensorFlow
 * padding. Immutable and thread-safe.
 */
final class Depthwise {
    final int kh;
    final int kw;
    final int ch;
    final int stride;
    final boolean same;
    final float[] weights;
    final float[] bias;

    Depthwise(int kh, int kw, int ch, int stride, boolean same, float[] weights, float[] bias) {
        if (weights.length != kh * kw * ch || (bias != null && bias.length != ch)) {
            throw new IllegalArgumentException("depthwise weights do not match " + kh + "x" + kw + "x" + ch);
        }
        this.kh = kh;
        this.kw = kw;
        this.ch = ch;
        this.stride = stride;
        this.same = same;
        this.weights = weights;
        this.bias = bias;
    }

    int outSize(int in, int k) {
        return Layers.outSize(in, k, stride, same);
    }

    int padBefore(int in, int k) {
        return Layers.padBefore(in, outSize(in, k), k, stride, same);
    }

    /**
     * Runs the convolution. C2 on JDK 17 only vectorises a loop whose arrays are all indexed by the same expression,
     * so each output row is computed in a row-long accumulator from per-tap input rows that have been gathered (and
     * zero-padded) so that lane {@code i} of every array belongs to output value {@code i}, and per-tap weights
     * repeated along the row. An input row gathered for one output row is kept for the next ones that need it.
     */
    Tensor apply(Tensor x, float[] out) {
        return apply(x, out, false);
    }

    /** Runs the convolution, then ReLU if {@code relu}. */
    Tensor apply(Tensor x, float[] out, boolean relu) {
        if (x.c != ch) {
            throw new IllegalArgumentException("expected " + ch + " channels, got " + x.c);
        }
        int oh = outSize(x.h, kh);
        int ow = outSize(x.w, kw);
        int pt = padBefore(x.h, kh);
        int pl = padBefore(x.w, kw);
        int c = ch;
        int rowLen = ow * c;
        int taps = kh * kw;
        Workspace ws = Workspace.get();
        float[][] rep = ws.rows(Workspace.DW_WEIGHTS, taps + 1, rowLen);
        float[][] rows = ws.rows(Workspace.DW_INPUT, taps, rowLen);
        float[] acc = ws.rows(Workspace.DW_ACC, 1, rowLen)[0];
        for (int t = 0; t < taps; t++) {
            float[] r = rep[t];
            for (int i = 0; i < rowLen; i += c) {
                System.arraycopy(weights, t * c, r, i, c);
            }
        }
        float[] biasRow = rep[taps];
        for (int i = 0; i < rowLen; i += c) {
            if (bias != null) {
                System.arraycopy(bias, 0, biasRow, i, c);
            } else {
                java.util.Arrays.fill(biasRow, i, i + c, 0f);
            }
        }
        // input row held by each ring slot (slot = row mod kh)
        int[] held = ws.ints(kh);
        java.util.Arrays.fill(held, 0, kh, Integer.MIN_VALUE);
        if (stride == 1) {
            // zero margins depend only on kx: fill once
            for (int kx = 0; kx < kw; kx++) {
                int dx = kx - pl;
                int lo = Math.min(ow, Math.max(0, -dx));
                int hi = Math.max(lo, Math.min(ow, x.w - dx));
                for (int slot = 0; slot < kh; slot++) {
                    float[] r = rows[slot * kw + kx];
                    java.util.Arrays.fill(r, 0, lo * c, 0f);
                    java.util.Arrays.fill(r, hi * c, rowLen, 0f);
                }
            }
        }
        for (int oy = 0; oy < oh; oy++) {
            System.arraycopy(biasRow, 0, acc, 0, rowLen);
            for (int ky = 0; ky < kh; ky++) {
                int iy = oy * stride - pt + ky;
                if (iy < 0 || iy >= x.h) {
                    continue;
                }
                int slot = iy % kh;
                int base = slot * kw;
                if (held[slot] != iy) {
                    gather(x, iy, ow, pl, rows, base);
                    held[slot] = iy;
                }
                int t = ky * kw;
                int kx = 0;
                for (; kx + 3 <= kw; kx += 3) {
                    madd3(acc, rows[base + kx], rep[t + kx], rows[base + kx + 1], rep[t + kx + 1], rows[base + kx + 2],
                        rep[t + kx + 2], rowLen);
                }
                for (; kx < kw; kx++) {
                    madd1(acc, rows[base + kx], rep[t + kx], rowLen);
                }
            }
            if (relu) {
                for (int i = 0; i < rowLen; i++) {
                    acc[i] = Math.max(acc[i], 0f);
                }
            }
            System.arraycopy(acc, 0, out, oy * rowLen, rowLen);
        }
        return new Tensor(oh, ow, c, out);
    }

    /** Gathers input row {@code iy} once per kx: {@code rows[base + kx][ox * c + j] = x[iy][ox * stride - pl + kx][j]}. */
    private void gather(Tensor x, int iy, int ow, int pl, float[][] rows, int base) {
        int c = ch;
        int rowStart = iy * x.w * c;
        for (int kx = 0; kx < kw; kx++) {
            float[] r = rows[base + kx];
            int dx = kx - pl;
            if (stride == 1) {
                int lo = Math.min(ow, Math.max(0, -dx));
                int hi = Math.max(lo, Math.min(ow, x.w - dx));
                System.arraycopy(x.data, rowStart + (lo + dx) * c, r, lo * c, (hi - lo) * c);
            } else {
                for (int ox = 0; ox < ow; ox++) {
                    int ix = ox * stride + dx;
                    if (ix < 0 || ix >= x.w) {
                        java.util.Arrays.fill(r, ox * c, ox * c + c, 0f);
                    } else {
                        System.arraycopy(x.data, rowStart + ix * c, r, ox * c, c);
                    }
                }
            }
        }
    }

    private static void madd3(float[] acc, float[] x0, float[] w0, float[] x1, float[] w1, float[] x2, float[] w2,
                              int n) {
        for (int i = 0; i < n; i++) {
            acc[i] = Math.fma(x2[i], w2[i], Math.fma(x1[i], w1[i], Math.fma(x0[i], w0[i], acc[i])));
        }
    }

    private static void madd1(float[] acc, float[] x0, float[] w0, int n) {
        for (int i = 0; i < n; i++) {
            acc[i] = Math.fma(x0[i], w0[i], acc[i]);
        }
    }

    long weightBytes() {
        return 4L * (weights.length + (bias == null ? 0 : bias.length));
    }
}
