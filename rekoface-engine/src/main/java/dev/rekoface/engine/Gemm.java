package dev.rekoface.engine;

/**
 * Single-precision matrix product {@code C = A·B + bias}, written so that HotSpot's C2 compiler auto-vectorises the
 * inner loops (plain counted loops over separate arrays, no allocation): rows of C are computed four at a time in
 * four accumulator rows and two rows of B at a time, so each accumulator load/store serves two multiply-adds and
 * each loaded value of B four. The multiply-adds are written as {@link Math#fma}: Java may not contract
 * {@code a * b + c} into one instruction, and on this JDK the separate multiply and add keep the loop from
 * vectorising well; with {@code fma} the kernel runs about three times faster (and rounds once instead of twice).
 */
final class Gemm {
    private Gemm() {
    }

    /** Per-thread accumulators of the micro-kernel. */
    static final class Scratch {
        float[] r0 = new float[0];
        float[] r1 = r0;
        float[] r2 = r0;
        float[] r3 = r0;

        void ensure(int n) {
            if (r0.length < n) {
                r0 = new float[n];
                r1 = new float[n];
                r2 = new float[n];
                r3 = new float[n];
            }
        }
    }

    /**
     * Computes {@code c[p*n + j] = bias[j] + sum_k a[aOff + p*k + kk] * b[kk][j]}.
     *
     * @param a row-major P x K
     * @param aOff offset of A in {@code a}
     * @param p rows of A and C
     * @param k columns of A, rows of B
     * @param b K rows of N values (rows as separate arrays: no huge objects, and C2 vectorises row loops)
     * @param n columns of B and C
     * @param bias N values, or null for zero
     * @param c row-major P x N output
     * @param s accumulators
     */
    static void multiply(float[] a, int aOff, int p, int k, float[][] b, int n, float[] bias, float[] c, Scratch s) {
        multiply(a, aOff, p, k, b, n, bias, c, 0, false, s);
    }

    /**
     * As {@link #multiply(float[], int, int, int, float[][], int, float[], float[], Scratch)}, writing C from
     * {@code cOff} and clamping the result at 0 if {@code relu} (one pass over the rows written: per-row loops of a few
     * dozen values vectorise worse).
     */
    static void multiply(float[] a, int aOff, int p, int k, float[][] b, int n, float[] bias, float[] c, int cOff,
                         boolean relu, Scratch s) {
        s.ensure(n);
        float[] r0 = s.r0;
        float[] r1 = s.r1;
        float[] r2 = s.r2;
        float[] r3 = s.r3;
        int row = 0;
        for (; row + 4 <= p; row += 4) {
            init(r0, bias, n);
            init(r1, bias, n);
            init(r2, bias, n);
            init(r3, bias, n);
            int a0 = aOff + row * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            int kk = 0;
            for (; kk + 2 <= k; kk += 2) {
                kernel4x2(b[kk], b[kk + 1], n, a[a0 + kk], a[a0 + kk + 1], a[a1 + kk], a[a1 + kk + 1],
                    a[a2 + kk], a[a2 + kk + 1], a[a3 + kk], a[a3 + kk + 1], r0, r1, r2, r3);
            }
            for (; kk < k; kk++) {
                kernel4(b[kk], n, a[a0 + kk], a[a1 + kk], a[a2 + kk], a[a3 + kk], r0, r1, r2, r3);
            }
            int o = cOff + row * n;
            System.arraycopy(r0, 0, c, o, n);
            System.arraycopy(r1, 0, c, o + n, n);
            System.arraycopy(r2, 0, c, o + 2 * n, n);
            System.arraycopy(r3, 0, c, o + 3 * n, n);
        }
        if (relu) {
            for (int i = cOff; i < cOff + row * n; i++) {
                c[i] = Math.max(c[i], 0f);
            }
        }
        for (; row < p; row++) {
            init(r0, bias, n);
            int a0 = aOff + row * k;
            for (int kk = 0; kk < k; kk++) {
                kernel1(b[kk], n, a[a0 + kk], r0);
            }
            if (relu) {
                Layers.relu(r0, n);
            }
            System.arraycopy(r0, 0, c, cOff + row * n, n);
        }
    }

    /** Splits a row-major K x N matrix into K row arrays. */
    static float[][] rows(float[] flat, int k, int n) {
        float[][] out = new float[k][];
        for (int i = 0; i < k; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * n, (i + 1) * n);
        }
        return out;
    }

    private static void init(float[] r, float[] bias, int n) {
        if (bias == null) {
            java.util.Arrays.fill(r, 0, n, 0f);
        } else {
            System.arraycopy(bias, 0, r, 0, n);
        }
    }

    /** Shared with {@link PlanarOps}. */
    static void kernel4x2(float[] b0, float[] b1, int n, float x00, float x01, float x10, float x11,
                                  float x20, float x21, float x30, float x31,
                                  float[] r0, float[] r1, float[] r2, float[] r3) {
        for (int j = 0; j < n; j++) {
            float v0 = b0[j];
            float v1 = b1[j];
            r0[j] = Math.fma(x01, v1, Math.fma(x00, v0, r0[j]));
            r1[j] = Math.fma(x11, v1, Math.fma(x10, v0, r1[j]));
            r2[j] = Math.fma(x21, v1, Math.fma(x20, v0, r2[j]));
            r3[j] = Math.fma(x31, v1, Math.fma(x30, v0, r3[j]));
        }
    }

    /** Shared with {@link PlanarOps}. */
    static void kernel4(float[] b, int n, float x0, float x1, float x2, float x3,
                                float[] r0, float[] r1, float[] r2, float[] r3) {
        for (int j = 0; j < n; j++) {
            float bv = b[j];
            r0[j] = Math.fma(x0, bv, r0[j]);
            r1[j] = Math.fma(x1, bv, r1[j]);
            r2[j] = Math.fma(x2, bv, r2[j]);
            r3[j] = Math.fma(x3, bv, r3[j]);
        }
    }

    /** Shared with {@link PlanarOps}. */
    static void kernel1(float[] b, int n, float x0, float[] r0) {
        for (int j = 0; j < n; j++) {
            r0[j] = Math.fma(x0, b[j], r0[j]);
        }
    }
}
