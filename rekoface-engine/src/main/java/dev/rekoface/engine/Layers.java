package dev.rekoface.engine;

/** Element-wise and pooling operations on {@link Tensor}s (NHWC, batch 1). Stateless. */
final class Layers {
    private Layers() {
    }

    /**
     * Output size of a convolution or pooling along one axis.
     *
     * @param in input size
     * @param k kernel size
     * @param stride stride
     * @param same TensorFlow's SAME padding (else VALID)
     * @return the output size
     */
    static int outSize(int in, int k, int stride, boolean same) {
        return same ? (in + stride - 1) / stride : (in - k) / stride + 1;
    }

    /**
     * Padding before the first input row or column, as TensorFlow places SAME padding (the odd pixel goes after).
     *
     * @param in input size
     * @param out output size
     * @param k kernel size
     * @param stride stride
     * @param same SAME padding (VALID has none)
     * @return the padding before
     */
    static int padBefore(int in, int out, int k, int stride, boolean same) {
        return same ? Math.max((out - 1) * stride + k - in, 0) / 2 : 0;
    }

    static void relu(float[] d, int n) {
        for (int i = 0; i < n; i++) {
            d[i] = Math.max(d[i], 0f);
        }
    }

    /** {@code a[i] += b[i]} for the first n values. */
    static void addInPlace(float[] a, float[] b, int n) {
        for (int i = 0; i < n; i++) {
            a[i] += b[i];
        }
    }

    /** Pooling with a k x k window, TensorFlow VALID or SAME padding (padding ignored by both max and mean). */
    static Tensor pool(Tensor x, int k, int stride, boolean same, boolean max, float[] out) {
        int oh = same ? (x.h + stride - 1) / stride : (x.h - k) / stride + 1;
        int ow = same ? (x.w + stride - 1) / stride : (x.w - k) / stride + 1;
        int pt = same ? Math.max((oh - 1) * stride + k - x.h, 0) / 2 : 0;
        int pl = same ? Math.max((ow - 1) * stride + k - x.w, 0) / 2 : 0;
        int c = x.c;
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int o = (oy * ow + ox) * c;
                java.util.Arrays.fill(out, o, o + c, max ? Float.NEGATIVE_INFINITY : 0f);
                int count = 0;
                for (int ky = 0; ky < k; ky++) {
                    int iy = oy * stride - pt + ky;
                    if (iy < 0 || iy >= x.h) {
                        continue;
                    }
                    for (int kx = 0; kx < k; kx++) {
                        int ix = ox * stride - pl + kx;
                        if (ix < 0 || ix >= x.w) {
                            continue;
                        }
                        count++;
                        int ib = (iy * x.w + ix) * c;
                        if (max) {
                            for (int j = 0; j < c; j++) {
                                out[o + j] = Math.max(out[o + j], x.data[ib + j]);
                            }
                        } else {
                            for (int j = 0; j < c; j++) {
                                out[o + j] += x.data[ib + j];
                            }
                        }
                    }
                }
                if (!max && count > 0) {
                    float inv = 1f / count;
                    for (int j = 0; j < c; j++) {
                        out[o + j] *= inv;
                    }
                }
            }
        }
        return new Tensor(oh, ow, c, out);
    }

    /**
     * Fills a 150x150 / 112x112 input tensor from packed RGB pixels with face-api.js's normalisation
     * {@code (pixel - [122.782, 117.001, 104.298]) / 255}.
     */
    static Tensor normalisedRgb(int[] argb, int h, int w, float[] out) {
        for (int i = 0; i < h * w; i++) {
            int p = argb[i];
            out[i * 3] = (((p >> 16) & 0xff) - 122.782f) / 255f;
            out[i * 3 + 1] = (((p >> 8) & 0xff) - 117.001f) / 255f;
            out[i * 3 + 2] = ((p & 0xff) - 104.298f) / 255f;
        }
        return new Tensor(h, w, 3, out);
    }
}
