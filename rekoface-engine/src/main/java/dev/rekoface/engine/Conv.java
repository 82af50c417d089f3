package dev.rekoface.engine;

/**
 * A 2-D convolution with bias (and an optional folded per-channel scale), weights held as a K x N matrix
 * ({@code K = kh * kw * inC} in (ky, kx, inC) order, {@code N = outC}), run as im2col plus {@link Gemm}. Padding is
 * TensorFlow's: {@code VALID} or {@code SAME} (the odd pixel of padding goes bottom/right). Immutable and thread-safe;
 * the scratch memory lives in a {@link Workspace}.
 */
final class Conv {
    final int kh;
    final int kw;
    final int inC;
    final int outC;
    final int stride;
    final boolean same;
    /** K rows of N weights. */
    final float[][] weights;
    final float[] bias;

    Conv(int kh, int kw, int inC, int outC, int stride, boolean same, float[] weightsHwio, float[] bias) {
        if (weightsHwio.length != kh * kw * inC * outC || bias.length != outC) {
            throw new IllegalArgumentException("conv weights do not match " + kh + "x" + kw + "x" + inC + "x" + outC);
        }
        this.kh = kh;
        this.kw = kw;
        this.inC = inC;
        this.outC = outC;
        this.stride = stride;
        this.same = same;
        this.weights = Gemm.rows(weightsHwio, kh * kw * inC, outC);
        this.bias = bias;
    }

    private Conv(Conv base, float[][] weights, float[] bias) {
        this.kh = base.kh;
        this.kw = base.kw;
        this.inC = base.inC;
        this.outC = base.outC;
        this.stride = base.stride;
        this.same = base.same;
        this.weights = weights;
        this.bias = bias;
    }

    /** Returns a copy whose output is {@code (conv + bias) * scale + shift}, folded into weights and bias. */
    Conv scaled(float[] scale, float[] shift) {
        float[][] w = new float[weights.length][];
        for (int r = 0; r < w.length; r++) {
            w[r] = weights[r].clone();
            for (int o = 0; o < outC; o++) {
                w[r][o] *= scale[o];
            }
        }
        float[] b = new float[outC];
        for (int o = 0; o < outC; o++) {
            b[o] = bias[o] * scale[o] + shift[o];
        }
        return new Conv(this, w, b);
    }

    int outSize(int in, int k) {
        return Layers.outSize(in, k, stride, same);
    }

    int padBefore(int in, int k) {
        return Layers.padBefore(in, outSize(in, k), k, stride, same);
    }

    /**
     * Runs the convolution.
     *
     * @param x input, {@code inC} channels
     * @param out output buffer, at least oh*ow*outC floats
     * @param ws scratch memory
     * @return the output tensor over {@code out}
     */
    Tensor apply(Tensor x, float[] out, Workspace ws) {
        return apply(x, out, false, ws);
    }

    /** Runs the convolution, clamping the result at 0 if {@code relu}. */
    Tensor apply(Tensor x, float[] out, boolean relu, Workspace ws) {
        if (x.c != inC) {
            throw new IllegalArgumentException("expected " + inC + " channels, got " + x.c);
        }
        int oh = outSize(x.h, kh);
        int ow = outSize(x.w, kw);
        int k = kh * kw * inC;
        int p = oh * ow;
        if (kh == 1 && kw == 1 && stride == 1) {
            Gemm.multiply(x.data, 0, p, k, weights, outC, bias, out, 0, relu, ws.gemm);
            return new Tensor(oh, ow, outC, out);
        }
        float[] cols = ws.cols(p * k);
        int pt = padBefore(x.h, kh);
        int pl = padBefore(x.w, kw);
        int idx = 0;
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int ky = 0; ky < kh; ky++) {
                    int iy = oy * stride - pt + ky;
                    if (iy < 0 || iy >= x.h) {
                        java.util.Arrays.fill(cols, idx, idx + kw * inC, 0f);
                        idx += kw * inC;
                        continue;
                    }
                    int ix0 = ox * stride - pl;
                    if (ix0 >= 0 && ix0 + kw <= x.w) {
                        System.arraycopy(x.data, (iy * x.w + ix0) * inC, cols, idx, kw * inC);
                        idx += kw * inC;
                    } else {
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = ix0 + kx;
                            if (ix < 0 || ix >= x.w) {
                                java.util.Arrays.fill(cols, idx, idx + inC, 0f);
                            } else {
                                System.arraycopy(x.data, (iy * x.w + ix) * inC, cols, idx, inC);
                            }
                            idx += inC;
                        }
                    }
                }
            }
        }
        Gemm.multiply(cols, 0, p, k, weights, outC, bias, out, 0, relu, ws.gemm);
        return new Tensor(oh, ow, outC, out);
    }

    long weightBytes() {
        return 4L * ((long) weights.length * outC + bias.length);
    }
}
