package dev.rekoface.engine;

import java.awt.image.BufferedImage;

/**
 * Cuts aligned face chips as the reference chips were cut: the least-squares similarity transform that maps the eye centres and the mouth centre onto dlib's
 * mean-face template (eyes at (0.2255, 0.216) and (0.7548, 0.216), mouth at (0.4901, 0.8042), with 0.25 padding:
 * template point p lands at chip coordinate {@code (0.25 + p) / 1.5 * size}, as in dlib's
 * {@code get_face_chip_details}), sampled with an anti-aliased bilinear filter. Reproduces the reference chips within
 * one grey level. Stateless and thread-safe.
 */
final class Chips {
    static final double PADDING = 0.25;
    private static final double[] TEMPLATE = {0.2255, 0.216, 0.7548, 0.216, 0.4901, 0.8042};

    private Chips() {
    }

    /**
     * Returns the 2x3 affine matrix mapping chip pixel coordinates to image coordinates.
     */
    static double[] chipToImage(double lx, double ly, double rx, double ry, double mx, double my, int size) {
        double[] src = new double[6]; // chip points
        for (int i = 0; i < 6; i++) {
            src[i] = (PADDING + TEMPLATE[i]) / (1 + 2 * PADDING) * size;
        }
        double[] dst = {lx, ly, rx, ry, mx, my};
        // least squares similarity: dst = [a -b; b a] src + [tx; ty]
        double sx = 0;
        double sy = 0;
        double dx = 0;
        double dy = 0;
        for (int i = 0; i < 3; i++) {
            sx += src[2 * i];
            sy += src[2 * i + 1];
            dx += dst[2 * i];
            dy += dst[2 * i + 1];
        }
        sx /= 3;
        sy /= 3;
        dx /= 3;
        dy /= 3;
        double num1 = 0;
        double num2 = 0;
        double den = 0;
        for (int i = 0; i < 3; i++) {
            double ux = src[2 * i] - sx;
            double uy = src[2 * i + 1] - sy;
            double vx = dst[2 * i] - dx;
            double vy = dst[2 * i + 1] - dy;
            num1 += ux * vx + uy * vy;
            num2 += ux * vy - uy * vx;
            den += ux * ux + uy * uy;
        }
        double a = num1 / den;
        double b = num2 / den;
        return new double[] {a, -b, dx - a * sx + b * sy, b, a, dy - b * sx - a * sy};
    }

    /**
     * Cuts a chip. Pixel centres are at half-integer coordinates in both the chip and the image; each chip pixel is
     * the mean of k x k bilinear samples spread evenly over its footprint, k = ceil(image pixels per chip pixel), so
     * that strong reductions do not alias. Outside the image counts as black.
     *
     * @param img the upright image
     * @param lx image-left eye x, in pixels (pixel-centre coordinates, as landmarks are usually given)
     * @param size chip side, e.g. 150
     * @return size*size packed RGB pixels
     */
    static int[] cut(BufferedImage img, double lx, double ly, double rx, double ry, double mx, double my, int size) {
        double[] m = chipToImage(lx, ly, rx, ry, mx, my, size);
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out = new int[size * size];
        double scale = Math.hypot(m[0], m[3]);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int cy = 0; cy <= 1; cy++) {
            for (int cx = 0; cx <= 1; cx++) {
                double x = m[0] * cx * size + m[1] * cy * size + m[2];
                double y = m[3] * cx * size + m[4] * cy * size + m[5];
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        int x0 = Math.max(0, (int) Math.floor(minX) - 2);
        int y0 = Math.max(0, (int) Math.floor(minY) - 2);
        int x1 = Math.min(w, (int) Math.ceil(maxX) + 3);
        int y1 = Math.min(h, (int) Math.ceil(maxY) + 3);
        if (x1 <= x0 || y1 <= y0) {
            return out;
        }
        int rw = x1 - x0;
        int rh = y1 - y0;
        int[] region = img.getRGB(x0, y0, rw, rh, null, 0, rw);
        int k = Math.max(1, (int) Math.ceil(scale - 1e-6));
        double[] acc = new double[3];
        for (int cy = 0; cy < size; cy++) {
            for (int cx = 0; cx < size; cx++) {
                acc[0] = 0;
                acc[1] = 0;
                acc[2] = 0;
                for (int sy = 0; sy < k; sy++) {
                    double py = cy + (sy + 0.5) / k;
                    for (int sx = 0; sx < k; sx++) {
                        double px = cx + (sx + 0.5) / k;
                        // chip continuous coordinates -> image continuous -> image pixel-centre index
                        double ix = m[0] * px + m[1] * py + m[2] - 0.5 - x0;
                        double iy = m[3] * px + m[4] * py + m[5] - 0.5 - y0;
                        sample(region, rw, rh, ix, iy, acc);
                    }
                }
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    int v = (int) Math.round(acc[c] / (k * k));
                    rgb = (rgb << 8) | Math.max(0, Math.min(255, v));
                }
                out[cy * size + cx] = rgb;
            }
        }
        return out;
    }

    private static void sample(int[] px, int w, int h, double x, double y, double[] acc) {
        int xi = (int) Math.floor(x);
        int yi = (int) Math.floor(y);
        double fx = x - xi;
        double fy = y - yi;
        for (int dy = 0; dy <= 1; dy++) {
            int yy = yi + dy;
            if (yy < 0 || yy >= h) {
                continue;
            }
            double wy = dy == 0 ? 1 - fy : fy;
            for (int dx = 0; dx <= 1; dx++) {
                int xx = xi + dx;
                if (xx < 0 || xx >= w) {
                    continue;
                }
                double wgt = wy * (dx == 0 ? 1 - fx : fx);
                int p = px[yy * w + xx];
                acc[0] += wgt * ((p >> 16) & 0xff);
                acc[1] += wgt * ((p >> 8) & 0xff);
                acc[2] += wgt * (p & 0xff);
            }
        }
    }
}
