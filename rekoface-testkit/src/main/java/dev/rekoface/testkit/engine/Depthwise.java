package dev.rekoface.testkit.engine;

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
        return same ? (in + stride - 1) / stride : (in - k) / stride + 1;
    }

    int padBefore(int in, int k) {
        if (!same) {
            return 0;
        }
        int out = outSize(in, k);
        return Math.max((out - 1) * stride + k - in, 0) / 2;
    }

    Tensor apply(Tensor x, float[] out) {
        if (x.c != ch) {
            throw new IllegalArgumentException("expected " + ch + " channels, got " + x.c);
        }
        int oh = outSize(x.h, kh);
        int ow = outSize(x.w, kw);
        int pt = padBefore(x.h, kh);
        int pl = padBefore(x.w, kw);
        float[] in = x.data;
        float[] w = weights;
        int c = ch;
        if (stride == 1 && oh == x.h && ow == x.w) {
            applyStride1(x, out, oh, ow, pt, pl);
            return new Tensor(oh, ow, c, out);
        }
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int o = (oy * ow + ox) * c;
                if (bias != null) {
                    System.arraycopy(bias, 0, out, o, c);
                } else {
                    java.util.Arrays.fill(out, o, o + c, 0f);
                }
                for (int ky = 0; ky < kh; ky++) {
                    int iy = oy * stride - pt + ky;
                    if (iy < 0 || iy >= x.h) {
                        continue;
                    }
                    for (int kx = 0; kx < kw; kx++) {
                        int ix = ox * stride - pl + kx;
                        if (ix < 0 || ix >= x.w) {
                            continue;
                        }
                        int ib = (iy * x.w + ix) * c;
                        int wb = (ky * kw + kx) * c;
                        for (int j = 0; j < c; j++) {
                            out[o + j] += in[ib + j] * w[wb + j];
                        }
                    }
                }
            }
        }
        return new Tensor(oh, ow, c, out);
    }

    /**
     * Stride 1, same size: for each output row and tap, one long loop over the row's (x, channel) values, with the
     * tap's weights repeated along the row (a per-thread scratch), so that C2 vectorises it.
     */
    private void applyStride1(Tensor x, float[] out, int oh, int ow, int pt, int pl) {
        int c = ch;
        int rowLen = ow * c;
        float[] rep = Workspace.get().repeated(kh * kw * rowLen);
        for (int t = 0; t < kh * kw; t++) {
            for (int i = 0; i < rowLen; i += c) {
                System.arraycopy(weights, t * c, rep, t * rowLen + i, c);
            }
        }
        float[] in = x.data;
        for (int oy = 0; oy < oh; oy++) {
            int o = oy * rowLen;
            if (bias != null) {
                for (int i = 0; i < rowLen; i += c) {
                    System.arraycopy(bias, 0, out, o + i, c);
                }
            } else {
                java.util.Arrays.fill(out, o, o + rowLen, 0f);
            }
            for (int ky = 0; ky < kh; ky++) {
                int iy = oy - pt + ky;
                if (iy < 0 || iy >= x.h) {
                    continue;
                }
                for (int kx = 0; kx < kw; kx++) {
                    int dx = kx - pl;
                    int lo = Math.max(0, -dx);
                    int hi = Math.min(ow, x.w - dx);
                    if (hi <= lo) {
                        continue;
                    }
                    int from = lo * c;
                    int to = hi * c;
                    int ib = iy * x.w * c + dx * c;
                    int wb = (ky * kw + kx) * rowLen;
                    madd(out, o, in, ib, rep, wb, from, to);
                }
            }
        }
    }

    private static void madd(float[] out, int o, float[] in, int ib, float[] w, int wb, int from, int to) {
        for (int i = from; i < to; i++) {
            out[o + i] += in[ib + i] * w[wb + i];
        }
    }

    long weightBytes() {
        return 4L * (weights.length + (bias == null ? 0 : bias.length));
    }
}
