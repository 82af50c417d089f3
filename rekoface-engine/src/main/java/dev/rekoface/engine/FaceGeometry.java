package dev.rekoface.engine;

import java.awt.image.BufferedImage;

/**
 * Turns BlazeFace's square and keypoints into a face's geometry in pixels, with the conventions of the fixture
 * catalogue ({@code catalogue-README.md}): box, mouth corners, pose and quality. Stateless.
 */
final class FaceGeometry {
    /** Face box from a BlazeFace square of side s: width 0.96 s, top raised 0.22 s, height 1.24 s. */
    static final double BOX_WIDTH = 0.96;
    static final double BOX_RAISE = 0.22;
    static final double BOX_HEIGHT = 1.24;
    /** Mouth corners = mouth centre -/+ this times the inter-eye vector. */
    static final double MOUTH_HALF_WIDTH = 0.40;

    private FaceGeometry() {
    }

    /** Returns the face box around a BlazeFace square, in pixels, clipped to the image. */
    static PixelBox box(double cx, double cy, double side, int width, int height) {
        double w = BOX_WIDTH * side;
        double left = cx - w / 2;
        double top = cy - side / 2 - BOX_RAISE * side;
        double right = left + w;
        double bottom = top + BOX_HEIGHT * side;
        left = Math.max(0, left);
        top = Math.max(0, top);
        right = Math.min(width, right);
        bottom = Math.min(height, bottom);
        return new PixelBox(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    /**
     * Returns a mouth corner placed from the mouth centre along the eye line: the image-left corner for
     * {@code sign = -1}, the image-right one for {@code +1}.
     */
    static PixelPoint mouthCorner(PixelPoint eyeL, PixelPoint eyeR, PixelPoint mouth, int sign) {
        double vx = eyeR.x() - eyeL.x();
        double vy = eyeR.y() - eyeL.y();
        return sign < 0 ? new PixelPoint(mouth.x() - MOUTH_HALF_WIDTH * vx, mouth.y() - MOUTH_HALF_WIDTH * vy)
            : new PixelPoint(mouth.x() + MOUTH_HALF_WIDTH * vx, mouth.y() + MOUTH_HALF_WIDTH * vy);
    }

    /** Pose from landmarks in pixels, by the catalogue's formulas (degrees, Rekognition's signs). */
    static FacePose pose(PixelPoint eyeL, PixelPoint eyeR, PixelPoint nose, PixelPoint mouth) {
        double ux = eyeR.x() - eyeL.x();
        double uy = eyeR.y() - eyeL.y();
        double ied = Math.hypot(ux, uy);
        if (ied == 0) {
            return new FacePose(0, 0, 0);
        }
        ux /= ied;
        uy /= ied;
        double roll = Math.toDegrees(Math.atan2(eyeR.y() - eyeL.y(), eyeR.x() - eyeL.x()));
        double mx = (eyeL.x() + eyeR.x()) / 2;
        double my = (eyeL.y() + eyeR.y()) / 2;
        // normal to u, pointing towards the mouth
        double nx = -uy;
        double ny = ux;
        if ((mouth.x() - mx) * nx + (mouth.y() - my) * ny < 0) {
            nx = -nx;
            ny = -ny;
        }
        double t = ((nose.x() - mx) * ux + (nose.y() - my) * uy) / (ied / 2);
        double yaw = Math.toDegrees(Math.atan(t / 0.9));
        double d = (mouth.x() - mx) * nx + (mouth.y() - my) * ny;
        double r = d == 0 ? 0.5 : ((nose.x() - mx) * nx + (nose.y() - my) * ny) / d;
        double pitch = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, 2 * (0.5 - r)))));
        return new FacePose(round1(roll), round1(yaw), round1(pitch));
    }

    /**
     * Quality of a face box of the full-resolution upright image: brightness is the mean luma x 100 / 255;
     * sharpness is {@code 100 (1 - exp(-v / 200))} with v the variance of the 4-neighbour Laplacian of the luma crop
     * resized to 128x128 by area averaging.
     */
    static FaceQuality quality(BufferedImage img, double left, double top, double width, double height) {
        int x0 = (int) Math.max(0, Math.floor(left));
        int y0 = (int) Math.max(0, Math.floor(top));
        int x1 = (int) Math.min(img.getWidth(), Math.ceil(left + width));
        int y1 = (int) Math.min(img.getHeight(), Math.ceil(top + height));
        int w = x1 - x0;
        int h = y1 - y0;
        if (w <= 0 || h <= 0) {
            return new FaceQuality(0, 0);
        }
        int[] rgb = img.getRGB(x0, y0, w, h, null, 0, w);
        double[] luma = new double[w * h];
        double sum = 0;
        for (int i = 0; i < luma.length; i++) {
            int p = rgb[i];
            luma[i] = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            sum += luma[i];
        }
        double brightness = sum / luma.length * 100 / 255;
        int n = 128;
        double[] small = areaResize(luma, w, h, n);
        double lsum = 0;
        double lsq = 0;
        int count = 0;
        for (int y = 1; y < n - 1; y++) {
            for (int x = 1; x < n - 1; x++) {
                int i = y * n + x;
                double lap = small[i - 1] + small[i + 1] + small[i - n] + small[i + n] - 4 * small[i];
                lsum += lap;
                lsq += lap * lap;
                count++;
            }
        }
        double mean = lsum / count;
        double v = lsq / count - mean * mean;
        double sharpness = 100 * (1 - Math.exp(-v / 200));
        return new FaceQuality(round1(brightness), round1(sharpness));
    }

    /** Area-averaging resize of a single-channel image to n x n (each output pixel the mean of its source area). */
    static double[] areaResize(double[] src, int w, int h, int n) {
        double[] out = new double[n * n];
        double sx = (double) w / n;
        double sy = (double) h / n;
        for (int y = 0; y < n; y++) {
            double ya = y * sy;
            double yb = ya + sy;
            for (int x = 0; x < n; x++) {
                double xa = x * sx;
                double xb = xa + sx;
                double acc = 0;
                double area = 0;
                for (int iy = (int) Math.floor(ya); iy < Math.min(h, (int) Math.ceil(yb)); iy++) {
                    double wy = Math.min(yb, iy + 1) - Math.max(ya, iy);
                    for (int ix = (int) Math.floor(xa); ix < Math.min(w, (int) Math.ceil(xb)); ix++) {
                        double wx = Math.min(xb, ix + 1) - Math.max(xa, ix);
                        acc += wx * wy * src[iy * w + ix];
                        area += wx * wy;
                    }
                }
                out[y * n + x] = area > 0 ? acc / area : 0;
            }
        }
        return out;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
