package dev.rekoface.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The activation memory of a {@link TfliteGraph}: one thread's buffers ({@link TfliteBuffers}) and, while a model
 * loads, the allocator that assigns tensors' planes to reusable buffers by liveness ({@link Pool}).
 */
final class TfliteBuffers {
    final float[][] planes;
    final float[][] flats;
    final float[][] scratch;
    /** The planes of each tensor, resolved once. */
    final float[][][] views;
    private final Map<int[], float[][]> temps = new IdentityHashMap<>();

    /**
     * Allocates one thread's buffers.
     *
     * @param planeLen length of each plane buffer
     * @param flatLen length of each flat (channels-last) buffer
     * @param scratchRows rows of scratch memory
     * @param scratchLen length of each scratch row
     * @param planesOf buffer ids of each tensor's planes (null: not a 4-D activation)
     */
    TfliteBuffers(int[] planeLen, int[] flatLen, int scratchRows, int scratchLen, int[][] planesOf) {
        planes = new float[planeLen.length][];
        for (int i = 0; i < planes.length; i++) {
            planes[i] = new float[planeLen[i]];
        }
        flats = new float[flatLen.length][];
        for (int i = 0; i < flats.length; i++) {
            flats[i] = new float[flatLen[i]];
        }
        scratch = new float[scratchRows][scratchLen];
        views = new float[planesOf.length][][];
        for (int t = 0; t < planesOf.length; t++) {
            if (planesOf[t] != null) {
                views[t] = new float[planesOf[t].length][];
                for (int i = 0; i < planesOf[t].length; i++) {
                    views[t][i] = planes[planesOf[t][i]];
                }
            }
        }
    }

    /** The buffers with these ids (a layout-conversion temporary), resolved once per thread. */
    float[][] view(int[] ids) {
        return temps.computeIfAbsent(ids, k -> {
            float[][] v = new float[k.length][];
            for (int i = 0; i < k.length; i++) {
                v[i] = planes[k[i]];
            }
            return v;
        });
    }

    /**
     * Load-time plane allocator: best fit among free buffers (a free buffer of a larger map serves a smaller one,
     * so the early full-size maps' buffers serve the later small ones), reference counts (PAD shares planes).
     */
    static final class Pool {
        private final List<Integer> planeLen = new ArrayList<>();
        private final TreeMap<Integer, ArrayDeque<Integer>> free = new TreeMap<>();
        private final Map<Integer, Integer> zero = new HashMap<>();
        private final List<Integer> refs = new ArrayList<>();

        int[] take(int count, int len) {
            int[] ids = new int[count];
            for (int i = 0; i < count; i++) {
                Map.Entry<Integer, ArrayDeque<Integer>> e = free.ceilingEntry(len);
                int id;
                if (e == null) {
                    id = planeLen.size();
                    planeLen.add(len);
                    refs.add(0);
                } else {
                    id = e.getValue().pop();
                    if (e.getValue().isEmpty()) {
                        free.remove(e.getKey());
                    }
                }
                refs.set(id, 1);
                ids[i] = id;
            }
            return ids;
        }

        /** A plane of zeros of this length, never written and never freed. */
        int zero(int len) {
            return zero.computeIfAbsent(len, k -> {
                int id = planeLen.size();
                planeLen.add(len);
                refs.add(Integer.MAX_VALUE / 2);
                return id;
            });
        }

        void share(int[] ids) {
            for (int id : ids) {
                refs.set(id, refs.get(id) + 1);
            }
        }

        void release(int[] ids) {
            for (int id : ids) {
                int r = refs.get(id) - 1;
                refs.set(id, r);
                if (r == 0) {
                    free.computeIfAbsent(planeLen.get(id), k -> new ArrayDeque<>()).push(id);
                }
            }
        }

        /** Returns the length of every plane buffer allocated so far. */
        int[] lengths() {
            return planeLen.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
