package dev.rekoface.engine;

import java.awt.image.BufferedImage;

/**
 * An RGB image as three float planes (0..255) with a mip-map pyramid (each level half the previous, 2x2 box filter),
 * so that any square region can be sampled at any output size without aliasing: sampling picks the level whose
 * pixel size is closest below the output pixel size, then interpolates bilinearly. Immutable after construction and
 * thread-safe.
 */
final class Raster {
    final int width;
    final int height;
    private final float[][] levels; // interleaved RGB per level
    private final int[] lw;
    private final int[] lh;

    private Raster(float[] base, int width, int height, int minSide) {
        this.width = width;
        this.height = height;
        int n = 1;
        int w = width;
        int h = height;
        while (Math.min(w, h) / 2 >= minSide) {
            w /= 2;
            h /= 2;
            n++;
        }
        levels = new float[n][];
        lw = new int[n];
        lh = new int[n];
        levels[0] = base;
        lw[0] = width;
        lh[0] = height;
        for (int l = 1; l < n; l++) {
            int pw = lw[l - 1];
            int nw = pw / 2;
            int nh = lh[l - 1] / 2;
            float[] p = levels[l - 1];
            float[] q = new float[nw * nh * 3];
            for (int y = 0; y < nh; y++) {
                for (int x = 0; x < nw; x++) {
                    int a = ((2 * y) * pw + 2 * x) * 3;
                    int b = a + pw * 3;
                    int o = (y * nw + x) * 3;
                    for (int c = 0; c < 3; c++) {
                        q[o + c] = 0.25f * (p[a + c] + p[a + 3 + c] + p[b + c] + p[b + 3 + c]);
                    }
                }
            }
            levels[l] = q;
            lw[l] = nw;
            lh[l] = nh;
        }
    }

    /**
     * Builds the raster of an image, first reduced by area averaging so that its long side is at most
     * {@code maxSide}.
     *
     * @param img the upright image
     * @param maxSide the longest side kept
     * @return the raster; {@link #scale} tells image pixels per raster pixel
     */
    static Raster of(BufferedImage img, int maxSide) {
        int w = img.getWidth();
        int h = img.getHeight();
        int f = 1;
        while (Math.max(w, h) > maxSide * f) {
            f++;
        }
        int nw = w / f;
        int nh = h / f;
        float[] base = new float[nw * nh * 3];
        float inv = 1f / (f * f);
        // read f rows at a time (no full-image int[]: 92 MB for a 24-megapixel photo)
        int[] rgb = new int[f * w];
        RowReader reader = RowReader.of(img);
        for (int y = 0; y < nh; y++) {
            for (int dy = 0; dy < f; dy++) {
                reader.read(y * f + dy, rgb, dy * w);
            }
            for (int x = 0; x < nw; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int dy = 0; dy < f; dy++) {
                    int row = dy * w + x * f;
                    for (int dx = 0; dx < f; dx++) {
                        int p = rgb[row + dx];
                        r += (p >> 16) & 0xff;
                        g += (p >> 8) & 0xff;
                        b += p & 0xff;
                    }
                }
                int o = (y * nw + x) * 3;
                base[o] = r * inv;
                base[o + 1] = g * inv;
                base[o + 2] = b * inv;
            }
        }
        Raster r = new Raster(base, nw, nh, 16);
        r.scale = (double) w / nw;
        r.scaleY = (double) h / nh;
        return r;
    }

    /**
     * Reads image rows as packed RGB, as {@link BufferedImage#getRGB} does, but straight from the pixel bytes for the
     * usual decoder outputs (3-byte BGR, int RGB/ARGB), where getRGB's per-pixel colour-model calls dominate.
     */
    private interface RowReader {
        void read(int y, int[] out, int off);

        static RowReader of(BufferedImage img) {
            int w = img.getWidth();
            java.awt.image.WritableRaster r = img.getRaster();
            java.awt.image.SampleModel sm = r.getSampleModel();
            int tx = r.getSampleModelTranslateX();
            int ty = r.getSampleModelTranslateY();
            if (img.getType() == BufferedImage.TYPE_3BYTE_BGR
                && sm instanceof java.awt.image.PixelInterleavedSampleModel
                && r.getDataBuffer() instanceof java.awt.image.DataBufferByte
                && r.getDataBuffer().getNumBanks() == 1) {
                java.awt.image.PixelInterleavedSampleModel ps = (java.awt.image.PixelInterleavedSampleModel) sm;
                byte[] data = ((java.awt.image.DataBufferByte) r.getDataBuffer()).getData();
                int[] bo = ps.getBandOffsets();
                int ps3 = ps.getPixelStride();
                int stride = ps.getScanlineStride();
                int base = r.getDataBuffer().getOffset();
                return (y, out, off) -> {
                    int i = base + (y - ty) * stride + (-tx) * ps3;
                    for (int x = 0; x < w; x++, i += ps3) {
                        out[off + x] = (data[i + bo[0]] & 0xff) << 16 | (data[i + bo[1]] & 0xff) << 8
                            | (data[i + bo[2]] & 0xff);
                    }
                };
            }
            if ((img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_INT_ARGB)
                && sm instanceof java.awt.image.SinglePixelPackedSampleModel
                && r.getDataBuffer() instanceof java.awt.image.DataBufferInt
                && r.getDataBuffer().getNumBanks() == 1) {
                int[] data = ((java.awt.image.DataBufferInt) r.getDataBuffer()).getData();
                int stride = ((java.awt.image.SinglePixelPackedSampleModel) sm).getScanlineStride();
                int base = r.getDataBuffer().getOffset();
                return (y, out, off) -> {
                    int i = base + (y - ty) * stride - tx;
                    for (int x = 0; x < w; x++) {
                        out[off + x] = data[i + x] & 0xffffff;
                    }
                };
            }
            return (y, out, off) -> img.getRGB(0, y, w, 1, out, off, w);
        }
    }

    /** Original image pixels per raster pixel, horizontally. */
    double scale = 1;
    /** Original image pixels per raster pixel, vertically. */
    double scaleY = 1;

    /**
     * Samples a square region of the raster into an n x n RGB tensor scaled to [-1, 1]; outside the image is black.
     * Output pixel (i, j) has its centre at raster position {@code (x0 + (j + 0.5) * side / n, y0 + ...)} in
     * pixel-edge coordinates.
     */
    void sampleSquare(double x0, double y0, double side, int n, float[] out) {
        double step = side / n;
        int level = step < 2 ? 0 : Math.min(levels.length - 1, 31 - Integer.numberOfLeadingZeros((int) step));
        double ls = 1 << level;
        float[] p = levels[level];
        int w = lw[level];
        int h = lh[level];
        // the grid is separable: column positions and weights once per call (same arithmetic as bilinear())
        double[] sxs = new double[n];
        int[] xs = new int[n];
        float[] fxs = new float[n];
        for (int j = 0; j < n; j++) {
            sxs[j] = (x0 + (j + 0.5) * step) / ls - 0.5;
            xs[j] = (int) Math.floor(sxs[j]);
            fxs[j] = (float) (sxs[j] - xs[j]);
        }
        for (int i = 0; i < n; i++) {
            double sy = (y0 + (i + 0.5) * step) / ls - 0.5;
            int yy = (int) Math.floor(sy);
            float fy = (float) (sy - yy);
            boolean rowInside = yy >= 0 && yy + 1 < h;
            float wy0 = 1 - fy;
            int a = yy * w * 3;
            int b = a + w * 3;
            for (int j = 0; j < n; j++) {
                int o = (i * n + j) * 3;
                int xx = xs[j];
                if (rowInside && xx >= 0 && xx + 1 < w) {
                    // whole 2x2 footprint inside: the taps of bilinear() in the same order
                    float fx = fxs[j];
                    float w00 = wy0 * (1 - fx);
                    float w01 = wy0 * fx;
                    float w10 = fy * (1 - fx);
                    float w11 = fy * fx;
                    int i00 = a + xx * 3;
                    int i10 = b + xx * 3;
                    float r = 0;
                    float g = 0;
                    float bl = 0;
                    if (w00 != 0) {
                        r += w00 * p[i00];
                        g += w00 * p[i00 + 1];
                        bl += w00 * p[i00 + 2];
                    }
                    if (w01 != 0) {
                        r += w01 * p[i00 + 3];
                        g += w01 * p[i00 + 4];
                        bl += w01 * p[i00 + 5];
                    }
                    if (w10 != 0) {
                        r += w10 * p[i10];
                        g += w10 * p[i10 + 1];
                        bl += w10 * p[i10 + 2];
                    }
                    if (w11 != 0) {
                        r += w11 * p[i10 + 3];
                        g += w11 * p[i10 + 4];
                        bl += w11 * p[i10 + 5];
                    }
                    out[o] = r;
                    out[o + 1] = g;
                    out[o + 2] = bl;
                } else {
                    bilinear(p, w, h, sxs[j], sy, out, o);
                }
                out[o] = out[o] / 127.5f - 1f;
                out[o + 1] = out[o + 1] / 127.5f - 1f;
                out[o + 2] = out[o + 2] / 127.5f - 1f;
            }
        }
    }

    private static void bilinear(float[] p, int w, int h, double sx, double sy, float[] out, int o) {
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        float fx = (float) (sx - x0);
        float fy = (float) (sy - y0);
        float r = 0;
        float g = 0;
        float b = 0;
        for (int dy = 0; dy <= 1; dy++) {
            int y = y0 + dy;
            float wy = dy == 0 ? 1 - fy : fy;
            for (int dx = 0; dx <= 1; dx++) {
                int x = x0 + dx;
                float wgt = wy * (dx == 0 ? 1 - fx : fx);
                if (x < -1 || y < -1 || x > w || y > h || wgt == 0) {
                    continue;
                }
                // clamp one pixel past the border (edge replication), black further out
                int cx = Math.min(Math.max(x, 0), w - 1);
                int cy = Math.min(Math.max(y, 0), h - 1);
                boolean inside = x >= 0 && y >= 0 && x < w && y < h;
                if (!inside && (sx < -0.5 || sy < -0.5 || sx > w - 0.5 || sy > h - 0.5)) {
                    continue;
                }
                int i = (cy * w + cx) * 3;
                r += wgt * p[i];
                g += wgt * p[i + 1];
                b += wgt * p[i + 2];
            }
        }
        out[o] = r;
        out[o + 1] = g;
        out[o + 2] = b;
    }
}
