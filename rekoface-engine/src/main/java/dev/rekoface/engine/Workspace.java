package dev.rekoface.engine;

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

    /** Roles of {@link #rows} sets. */
    static final int DW_WEIGHTS = 0;
    static final int DW_INPUT = 1;
    static final int DW_ACC = 2;
    static final int REC_A = 3;
    static final int REC_B = 4;
    static final int REC_C = 5;
    static final int REC_COLS = 6;
    private final float[][][] rowSets = new float[7][0][];
    private int[] ints = new int[0];

    /**
     * Returns at least {@code count} separate row arrays, the first {@code count} of at least {@code len} floats, for
     * a role (contents undefined): separate arrays, so that loops over them index every array alike and C2
     * vectorises them. Rows grow one by one, so a role asked for a few long rows and for many short ones holds
     * exactly that.
     */
    float[][] rows(int role, int count, int len) {
        float[][] r = rowSets[role];
        if (r.length < count) {
            float[][] g = java.util.Arrays.copyOf(r, count);
            for (int i = r.length; i < count; i++) {
                g[i] = new float[0];
            }
            r = g;
            rowSets[role] = r;
        }
        for (int i = 0; i < count; i++) {
            if (r[i].length < len) {
                r[i] = new float[len];
            }
        }
        return r;
    }

    int[] ints(int n) {
        if (ints.length < n) {
            ints = new int[n];
        }
        return ints;
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
