package dev.rekoface.engine;

import java.util.Arrays;

/**
 * Operations on planar activations (one array per channel, H*W values, row by row) for {@link TfliteGraph}. Every
 * inner loop indexes all its arrays by the same index, the form JDK 17's C2 vectorises, and every multiply-add
 * happens in the same order as in the channels-last {@link Conv}, {@link Gemm} and {@link Depthwise}, so results are
 * identical to theirs. Stateless.
 */
final class PlanarOps {
    private PlanarOps() {
    }

    /**
     * {@code out[n] = bias[n] + sum_k w[n][k] * in[k]} over planes of {@code p} values, then ReLU if asked: a 1x1
     * convolution (or the product of transposed im2col rows with the weights).
     */
    static void pointwise(float[][] in, float[][] w, float[] bias, float[][] out, int k, int p, boolean relu) {
        int n = out.length;
        int o = 0;
        for (; o + 4 <= n; o += 4) {
            float[] r0 = out[o];
            float[] r1 = out[o + 1];
            float[] r2 = out[o + 2];
            float[] r3 = out[o + 3];
            float[] w0 = w[o];
            float[] w1 = w[o + 1];
            float[] w2 = w[o + 2];
            float[] w3 = w[o + 3];
            int kk = 0;
            if (k >= 2) {
                // the first pair starts from the bias: no separate pass to fill the outputs
                first4x2(in[0], in[1], p, w0[0], w0[1], w1[0], w1[1], w2[0], w2[1], w3[0], w3[1], bias[o], bias[o + 1],
                    bias[o + 2], bias[o + 3], r0, r1, r2, r3);
                kk = 2;
            } else {
                Arrays.fill(r0, 0, p, bias[o]);
                Arrays.fill(r1, 0, p, bias[o + 1]);
                Arrays.fill(r2, 0, p, bias[o + 2]);
                Arrays.fill(r3, 0, p, bias[o + 3]);
            }
            for (; kk + 2 <= k; kk += 2) {
                Gemm.kernel4x2(in[kk], in[kk + 1], p, w0[kk], w0[kk + 1], w1[kk], w1[kk + 1], w2[kk], w2[kk + 1], w3[kk],
                    w3[kk + 1], r0, r1, r2, r3);
            }
            for (; kk < k; kk++) {
                Gemm.kernel4(in[kk], p, w0[kk], w1[kk], w2[kk], w3[kk], r0, r1, r2, r3);
            }
            if (relu) {
                Layers.relu(r0, p);
                Layers.relu(r1, p);
                Layers.relu(r2, p);
                Layers.relu(r3, p);
            }
        }
        for (; o < n; o++) {
            float[] r0 = out[o];
            float[] w0 = w[o];
            Arrays.fill(r0, 0, p, bias[o]);
            int kk = 0;
            for (; kk + 2 <= k; kk += 2) {
                kernel1x2(in[kk], in[kk + 1], p, w0[kk], w0[kk + 1], r0);
            }
            for (; kk < k; kk++) {
                Gemm.kernel1(in[kk], p, w0[kk], r0);
            }
            if (relu) {
                Layers.relu(r0, p);
            }
        }
    }

    private static void first4x2(float[] b0, float[] b1, int n, float x00, float x01, float x10, float x11,
                                 float x20, float x21, float x30, float x31, float c0, float c1, float c2, float c3,
                                 float[] r0, float[] r1, float[] r2, float[] r3) {
        for (int j = 0; j < n; j++) {
            float v0 = b0[j];
            float v1 = b1[j];
            r0[j] = Math.fma(x01, v1, Math.fma(x00, v0, c0));
            r1[j] = Math.fma(x11, v1, Math.fma(x10, v0, c1));
            r2[j] = Math.fma(x21, v1, Math.fma(x20, v0, c2));
            r3[j] = Math.fma(x31, v1, Math.fma(x30, v0, c3));
        }
    }

    private static void kernel1x2(float[] b0, float[] b1, int n, float x0, float x1, float[] r0) {
        for (int j = 0; j < n; j++) {
            r0[j] = Math.fma(x1, b1[j], Math.fma(x0, b0[j], r0[j]));
        }
    }

    /**
     * Transposed im2col: row {@code (ky * kw + kx) * c + ch} of {@code cols} holds, for every output pixel, the input
     * value under tap (ky, kx) of channel ch (0 outside the input), the order of {@link Conv}'s weight rows. For
     * stride 2 the taps are copied from the four phase planes of each channel, kept in
     * {@code cols[kh * kw * c .. + 4]}.
     */
    static void im2colT(float[][] in, int h, int w, int c, int kh, int kw, int stride, int pt, int pl, int oh, int ow,
                        float[][] cols) {
        int k = kh * kw * c;
        for (int ch = 0; ch < c; ch++) {
            if (stride == 2) {
                phases(in[ch], h, w, cols, k);
            }
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    int dy = ky - pt;
                    int dx = kx - pl;
                    float[] row = cols[(ky * kw + kx) * c + ch];
                    if (stride == 2) {
                        int py = Math.floorMod(dy, 2);
                        int px = Math.floorMod(dx, 2);
                        gather(cols[k + py * 2 + px], (h - py + 1) / 2, (w - px + 1) / 2, Math.floorDiv(dy, 2),
                            Math.floorDiv(dx, 2), 1, oh, ow, row);
                    } else {
                        gather(in[ch], h, w, dy, dx, stride, oh, ow, row);
                    }
                }
            }
        }
    }

    /** Scratch rows {@link #im2colT} needs for k rows. */
    static int im2colScratch(int k) {
        return k + 4;
    }

    /** {@code out[oy * ow + ox] = x[(oy * stride + dy) * w + ox * stride + dx]}, 0 outside the input. */
    private static void gather(float[] x, int h, int w, int dy, int dx, int stride, int oh, int ow, float[] out) {
        int lo = 0;
        while (lo < ow && lo * stride + dx < 0) {
            lo++;
        }
        int hi = ow;
        while (hi > lo && (hi - 1) * stride + dx >= w) {
            hi--;
        }
        for (int oy = 0; oy < oh; oy++) {
            int iy = oy * stride + dy;
            int o = oy * ow;
            if (iy < 0 || iy >= h || hi <= lo) {
                Arrays.fill(out, o, o + ow, 0f);
                continue;
            }
            Arrays.fill(out, o, o + lo, 0f);
            Arrays.fill(out, o + hi, o + ow, 0f);
            int row = iy * w + dx;
            if (stride == 1) {
                System.arraycopy(x, row + lo, out, o + lo, hi - lo);
            } else {
                for (int ox = lo; ox < hi; ox++) {
                    out[o + ox] = x[row + ox * stride];
                }
            }
        }
    }

    /**
     * Depthwise convolution (multiplier 1), weights in (ky, kx, channel) order: per channel, taps gathered into
     * {@code kw} scratch planes per kernel row and accumulated three at a time, as {@link Depthwise} does.
     */
    /** Plane values handled at a time by the stride-1 depthwise convolution, so that its arrays stay in L1. */
    private static final int CHUNK = 1024;

    static void depthwise(float[][] in, int h, int w, float[] weights, float[] bias, int kh, int kw, int stride,
                          int pt, int pl, int oh, int ow, float[][] out, boolean relu, float[][] scratch) {
        int c = in.length;
        int p = oh * ow;
        if (stride == 1 && oh == h && ow == w) {
            depthwisePlane(in, h, w, weights, bias, kh, kw, pt, pl, out, relu, scratch);
            return;
        }
        float[][] taps = new float[kw][];
        for (int ch = 0; ch < c; ch++) {
            float[] acc = out[ch];
            Arrays.fill(acc, 0, p, bias == null ? 0f : bias[ch]);
            float[] x = in[ch];
            if (stride == 2) {
                // the four phase planes (even/odd rows x even/odd columns): each tap is a shift of one of them
                phases(x, h, w, scratch, kw);
            }
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    int dy = ky - pt;
                    int dx = kx - pl;
                    if (stride == 2) {
                        int py = Math.floorMod(dy, 2);
                        int px = Math.floorMod(dx, 2);
                        gather(scratch[kw + py * 2 + px], (h - py + 1) / 2, (w - px + 1) / 2, Math.floorDiv(dy, 2),
                            Math.floorDiv(dx, 2), 1, oh, ow, scratch[kx]);
                    } else {
                        gather(x, h, w, dy, dx, stride, oh, ow, scratch[kx]);
                    }
                    taps[kx] = scratch[kx];
                }
                madd(acc, taps, weights, ky * kw, kw, c, ch, 0, p, 0);
            }
            if (relu) {
                Layers.relu(acc, p);
            }
        }
    }

    /**
     * Stride 1, same size: each tap is the plane shifted by {@code dy * w + dx} (one arraycopy, then zeros where the
     * shift leaves the plane or wraps to the next row), done chunk by chunk.
     */
    private static void depthwisePlane(float[][] in, int h, int w, float[] weights, float[] bias, int kh, int kw,
                                       int pt, int pl, float[][] out, boolean relu, float[][] scratch) {
        int c = in.length;
        int p = h * w;
        float[][] taps = new float[kw][];
        for (int ch = 0; ch < c; ch++) {
            float[] acc = out[ch];
            float[] x = in[ch];
            float b = bias == null ? 0f : bias[ch];
            for (int i0 = 0; i0 < p; i0 += CHUNK) {
                int i1 = Math.min(p, i0 + CHUNK);
                if (kw < 3) {
                    Arrays.fill(acc, i0, i1, b);
                }
                for (int ky = 0; ky < kh; ky++) {
                    for (int kx = 0; kx < kw; kx++) {
                        int dy = ky - pt;
                        int dx = kx - pl;
                        if (dy == 0 && dx == 0) {
                            taps[kx] = x;
                        } else {
                            shift(x, p, w, dy * w + dx, dx, i0, i1, scratch[kx]);
                            taps[kx] = scratch[kx];
                        }
                    }
                    if (ky == 0 && kw >= 3) {
                        // the first three taps start from the bias: no separate pass to fill the output
                        first3(acc, taps[0], weights[ch], taps[1], weights[c + ch], taps[2], weights[2 * c + ch], b,
                            i0, i1);
                        madd(acc, taps, weights, 0, kw, c, ch, i0, i1, 3);
                    } else {
                        madd(acc, taps, weights, ky * kw, kw, c, ch, i0, i1, 0);
                    }
                }
                if (relu) {
                    for (int i = i0; i < i1; i++) {
                        acc[i] = Math.max(acc[i], 0f);
                    }
                }
            }
        }
    }

    /** Taps t0 + start .. t0 + kw - 1 of channel ch, three at a time, over [from, to). */
    private static void madd(float[] acc, float[][] taps, float[] weights, int t0, int kw, int c, int ch, int from,
                             int to, int start) {
        int kx = start;
        for (; kx + 3 <= kw; kx += 3) {
            madd3(acc, taps[kx], weights[(t0 + kx) * c + ch], taps[kx + 1], weights[(t0 + kx + 1) * c + ch],
                taps[kx + 2], weights[(t0 + kx + 2) * c + ch], from, to);
        }
        for (; kx < kw; kx++) {
            madd1(acc, taps[kx], weights[(t0 + kx) * c + ch], from, to);
        }
    }

    /** Scratch rows {@link #depthwise} needs for a kernel of width kw. */
    static int depthwiseScratch(int kw) {
        return kw + 4;
    }

    /**
     * {@code out[i] = x[i + d]} for i in [i0, i1), 0 where {@code i + d} leaves the plane of p values or where a
     * horizontal shift by dx wraps into the neighbouring row.
     */
    private static void shift(float[] x, int p, int w, int d, int dx, int i0, int i1, float[] out) {
        int lo = Math.max(i0, -d);
        int hi = Math.min(i1, p - d);
        if (hi <= lo) {
            Arrays.fill(out, i0, i1, 0f);
            return;
        }
        Arrays.fill(out, i0, lo, 0f);
        System.arraycopy(x, lo + d, out, lo, hi - lo);
        Arrays.fill(out, hi, i1, 0f);
        if (dx > 0) {
            // columns w - dx .. w - 1 read the next row
            for (int r = i0 / w * w; r < i1; r += w) {
                zero(out, Math.max(i0, r + w - dx), Math.min(i1, r + w));
            }
        } else if (dx < 0) {
            for (int r = i0 / w * w; r < i1; r += w) {
                zero(out, Math.max(i0, r), Math.min(i1, r - dx));
            }
        }
    }

    private static void zero(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = 0f;
        }
    }

    /** Splits a plane into its four phases (row parity py, column parity px) in scratch[base + py * 2 + px]. */
    private static void phases(float[] x, int h, int w, float[][] scratch, int base) {
        for (int py = 0; py < 2; py++) {
            int ph = (h - py + 1) / 2;
            for (int px = 0; px < 2; px++) {
                int pw = (w - px + 1) / 2;
                float[] o = scratch[base + py * 2 + px];
                for (int y = 0; y < ph; y++) {
                    int row = (2 * y + py) * w + px;
                    int orow = y * pw;
                    for (int xx = 0; xx < pw; xx++) {
                        o[orow + xx] = x[row + 2 * xx];
                    }
                }
            }
        }
    }

    private static void madd3(float[] acc, float[] x0, float w0, float[] x1, float w1, float[] x2, float w2,
                              int from, int to) {
        for (int i = from; i < to; i++) {
            acc[i] = Math.fma(x2[i], w2, Math.fma(x1[i], w1, Math.fma(x0[i], w0, acc[i])));
        }
    }

    private static void first3(float[] acc, float[] x0, float w0, float[] x1, float w1, float[] x2, float w2, float b,
                               int from, int to) {
        for (int i = from; i < to; i++) {
            acc[i] = Math.fma(x2[i], w2, Math.fma(x1[i], w1, Math.fma(x0[i], w0, b)));
        }
    }

    private static void madd1(float[] acc, float[] x0, float w0, int from, int to) {
        for (int i = from; i < to; i++) {
            acc[i] = Math.fma(x0[i], w0, acc[i]);
        }
    }

    static void add(float[][] a, float[][] b, float[][] out, int p, boolean relu) {
        for (int ch = 0; ch < out.length; ch++) {
            float[] x = a[ch];
            float[] y = b[ch];
            float[] r = out[ch];
            if (relu) {
                for (int i = 0; i < p; i++) {
                    r[i] = Math.max(x[i] + y[i], 0f);
                }
            } else {
                for (int i = 0; i < p; i++) {
                    r[i] = x[i] + y[i];
                }
            }
        }
    }

    static void relu(float[][] in, float[][] out, int p) {
        for (int ch = 0; ch < out.length; ch++) {
            float[] x = in[ch];
            float[] r = out[ch];
            for (int i = 0; i < p; i++) {
                r[i] = Math.max(x[i], 0f);
            }
        }
    }

    /** Max pooling with an f x f window, padding ignored. */
    static void maxPool(float[][] in, int h, int w, int f, int stride, int pt, int pl, int oh, int ow, float[][] out) {
        if (f == 2 && stride == 2 && pt == 0 && pl == 0 && 2 * oh <= h && 2 * ow <= w) {
            for (int ch = 0; ch < out.length; ch++) {
                float[] x = in[ch];
                float[] r = out[ch];
                for (int oy = 0; oy < oh; oy++) {
                    int a = 2 * oy * w;
                    int b = a + w;
                    int o = oy * ow;
                    for (int ox = 0; ox < ow; ox++) {
                        r[o + ox] = Math.max(Math.max(Math.max(Float.NEGATIVE_INFINITY, x[a + 2 * ox]),
                            x[a + 2 * ox + 1]), Math.max(x[b + 2 * ox], x[b + 2 * ox + 1]));
                    }
                }
            }
            return;
        }
        for (int ch = 0; ch < out.length; ch++) {
            float[] x = in[ch];
            float[] r = out[ch];
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < f; ky++) {
                        int iy = oy * stride - pt + ky;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        for (int kx = 0; kx < f; kx++) {
                            int ix = ox * stride - pl + kx;
                            if (ix >= 0 && ix < w) {
                                m = Math.max(m, x[iy * w + ix]);
                            }
                        }
                    }
                    r[oy * ow + ox] = m;
                }
            }
        }
    }

    /** 2x2/2 average pooling without padding, as {@link Layers#pool} computes it (sum in order, times 1/4). */
    static void avgPool2(float[][] in, int h, int w, int oh, float[][] out) {
        int ow = oh;
        float inv = 1f / 4;
        for (int ch = 0; ch < out.length; ch++) {
            float[] x = in[ch];
            float[] r = out[ch];
            for (int oy = 0; oy < oh; oy++) {
                int a = 2 * oy * w;
                int b = a + w;
                for (int ox = 0; ox < ow; ox++) {
                    float s = 0f;
                    s += x[a + 2 * ox];
                    s += x[a + 2 * ox + 1];
                    s += x[b + 2 * ox];
                    s += x[b + 2 * ox + 1];
                    r[oy * ow + ox] = s * inv;
                }
            }
        }
    }

    /** TFLite's reference bilinear resize (half-pixel centres or not, no corner alignment), per plane. */
    static void resizeBilinear(float[][] in, int ih, int iw, float[][] out, int oh, int ow, boolean halfPixel) {
        float sy = (float) ih / oh;
        float sx = (float) iw / ow;
        int[] x0s = new int[ow];
        int[] x1s = new int[ow];
        float[] dxs = new float[ow];
        for (int xx = 0; xx < ow; xx++) {
            float fx = halfPixel ? (xx + 0.5f) * sx - 0.5f : xx * sx;
            x0s[xx] = Math.max((int) Math.floor(fx), 0);
            x1s[xx] = Math.min((int) Math.ceil(fx), iw - 1);
            dxs[xx] = fx - x0s[xx];
        }
        for (int y = 0; y < oh; y++) {
            float fy = halfPixel ? (y + 0.5f) * sy - 0.5f : y * sy;
            int y0 = Math.max((int) Math.floor(fy), 0);
            int y1 = Math.min((int) Math.ceil(fy), ih - 1);
            float dy = fy - y0;
            for (int ch = 0; ch < out.length; ch++) {
                float[] x = in[ch];
                float[] r = out[ch];
                int a = y0 * iw;
                int b = y1 * iw;
                int o = y * ow;
                for (int xx = 0; xx < ow; xx++) {
                    int x0 = x0s[xx];
                    int x1 = x1s[xx];
                    float dx = dxs[xx];
                    r[o + xx] = x[a + x0] * (1 - dy) * (1 - dx) + x[b + x0] * dy * (1 - dx)
                        + x[a + x1] * (1 - dy) * dx + x[b + x1] * dy * dx;
                }
            }
        }
    }

    /** {@code flat[i * c + ch] = planes[ch][i]}. */
    static void toChannelsLast(float[][] planes, int p, int c, float[] flat) {
        for (int ch = 0; ch < c; ch++) {
            float[] x = planes[ch];
            for (int i = 0; i < p; i++) {
                flat[i * c + ch] = x[i];
            }
        }
    }

    /** {@code planes[ch][i] = flat[i * c + ch]}. */
    static void fromChannelsLast(float[] flat, int p, int c, float[][] planes) {
        for (int ch = 0; ch < c; ch++) {
            float[] x = planes[ch];
            for (int i = 0; i < p; i++) {
                x[i] = flat[i * c + ch];
            }
        }
    }
}
