package dev.rekoface.testkit.engine;

/**
 * Reusable scratch memory for one thread's forward passes, so that hot loops do not allocate. Not thread-safe: each
 * thread gets its own through {@link #get()}.
 */
final class Workspace {
    private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);

    final Gemm.Scratch gemm = new Gemm.Scratch();
    private float[] cols = new float[0];
    private final float[][] buffers = new float[6][0];

    static Workspace get() {
        return LOCAL.get();
    }

    private float[] repeated = new float[0];

    float[] repeated(int n) {
        if (repeated.length < n) {
            repeated = new float[n];
        }
        return repeated;
    }

    float[] cols(int n) {
        if (cols.length < n) {
            cols = new float[n];
        }
        return cols;
    }

    /** Returns ping-pong buffer {@code i} with room for {@code n} floats (contents undefined). */
    float[] buffer(int i, int n) {
        if (buffers[i].length < n) {
            buffers[i] = new float[n];
        }
        return buffers[i];
    }
}
