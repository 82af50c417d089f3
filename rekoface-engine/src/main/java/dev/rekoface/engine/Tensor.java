package dev.rekoface.engine;

/** A single image's feature map in NHWC order (batch 1): {@code data[(y * w + x) * c + channel]}. Not thread-safe. */
final class Tensor {
    final int h;
    final int w;
    final int c;
    final float[] data;

    Tensor(int h, int w, int c) {
        this(h, w, c, new float[h * w * c]);
    }

    Tensor(int h, int w, int c, float[] data) {
        if (data.length < h * w * c) {
            throw new IllegalArgumentException("buffer too small");
        }
        this.h = h;
        this.w = w;
        this.c = c;
        this.data = data;
    }

    int size() {
        return h * w * c;
    }
}
