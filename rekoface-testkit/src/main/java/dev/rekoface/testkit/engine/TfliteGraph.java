package dev.rekoface.testkit.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a TensorFlow Lite model (float activations, batch 1) in plain Java. Supports exactly the operators the two
 * BlazeFace models use: CONV_2D, DEPTHWISE_CONV_2D, ADD, RELU, PAD, MAX_POOL_2D, RESIZE_BILINEAR, RESHAPE,
 * CONCATENATION and DEQUANTIZE (float16 weights, evaluated once at load). Any other operator, a dynamic shape or a
 * non-constant weight is refused at load with an {@link EngineModelException}.
 *
 * <p>Activation buffers are assigned to a few reusable slots by liveness when loading; each thread keeps its own
 * slots, so {@link #run(float[])} is thread-safe and does not allocate after the first call on a thread.
 */
final class TfliteGraph {
    private static final int ADD = 0;
    private static final int CONCATENATION = 2;
    private static final int CONV_2D = 3;
    private static final int DEPTHWISE_CONV_2D = 4;
    private static final int DEQUANTIZE = 6;
    private static final int MAX_POOL_2D = 17;
    private static final int RELU = 19;
    private static final int RESHAPE = 22;
    private static final int RESIZE_BILINEAR = 23;
    private static final int PAD = 34;

    private static final int FLOAT32 = 0;
    private static final int FLOAT16 = 1;
    private static final int INT32 = 2;

    private final String file;
    private final int[][] shapes;
    /** Slot of each activation tensor, -1 for constants. */
    private final int[] slotOf;
    private final int[] slotSize;
    private final List<Step> steps = new ArrayList<>();
    private final int input;
    private final int[] outputs;
    private final ThreadLocal<float[][]> slots;
    private long constantBytes;

    private interface Step {
        void run(float[][] v);
    }

    TfliteGraph(String file, byte[] bytes) {
        this.file = file;
        try {
            Flatbuffer fb = new Flatbuffer(bytes);
            if (!"TFL3".equals(fb.identifier())) {
                throw fail("not a TensorFlow Lite model (identifier " + fb.identifier() + ")");
            }
            Flatbuffer.Table model = fb.root();
            int[] codes = new int[model.vectorLength(1)];
            for (int i = 0; i < codes.length; i++) {
                Flatbuffer.Table oc = model.tableAt(1, i);
                codes[i] = Math.max(oc.getByte(0, 0), oc.getInt(3, 0));
            }
            if (model.vectorLength(2) != 1) {
                throw fail("expected one subgraph, found " + model.vectorLength(2));
            }
            Flatbuffer.Table sg = model.tableAt(2, 0);
            int nt = sg.vectorLength(0);
            shapes = new int[nt][];
            int[] types = new int[nt];
            Object[] constants = new Object[nt];
            for (int t = 0; t < nt; t++) {
                Flatbuffer.Table tensor = sg.tableAt(0, t);
                shapes[t] = tensor.ints(0);
                types[t] = tensor.getByte(1, FLOAT32);
                ByteBuffer data = model.tableAt(4, tensor.getInt(2, 0)).bytes(0);
                if (data != null) {
                    constants[t] = decode(data, types[t], count(shapes[t]), t);
                }
            }
            input = sg.ints(1)[0];
            outputs = sg.ints(2);
            int no = sg.vectorLength(3);
            // liveness: last op index reading each tensor
            int[] lastUse = new int[nt];
            Arrays.fill(lastUse, -1);
            for (int i = 0; i < no; i++) {
                for (int t : sg.tableAt(3, i).ints(1)) {
                    if (t >= 0) {
                        lastUse[t] = i;
                    }
                }
            }
            for (int t : outputs) {
                lastUse[t] = Integer.MAX_VALUE;
            }
            slotOf = new int[nt];
            Arrays.fill(slotOf, -1);
            List<Integer> sizes = new ArrayList<>();
            List<Integer> free = new ArrayList<>();
            assign(input, sizes, free);
            boolean[] fusedAway = new boolean[no];
            int[] aliasTo = new int[no];
            // a depthwise convolution whose output only feeds the next op, a 1x1 convolution: run as one step
            int pendingDw = -1;
            for (int i = 0; i < no; i++) {
                Flatbuffer.Table op = sg.tableAt(3, i);
                int code = codes[op.getInt(0, 0)];
                int[] in = op.ints(1);
                int[] out = op.ints(2);
                Flatbuffer.Table opt = op.table(4);
                if (code == DEQUANTIZE) {
                    if (constants[in[0]] == null) {
                        throw fail("DEQUANTIZE of a non-constant tensor at op " + i);
                    }
                    constants[out[0]] = constants[in[0]];
                    continue;
                }
                if (fusedAway[i]) {
                    // done by an earlier step: its output, if any, is that step's output, in place
                    if (aliasTo[i] >= 0) {
                        slotOf[out[0]] = slotOf[aliasTo[i]];
                    }
                    for (int t : in) {
                        if (t >= 0 && slotOf[t] >= 0 && lastUse[t] == i && t != input && slotOf[t] != slotOf[out[0]]
                            && !free.contains(slotOf[t])) {
                            free.add(slotOf[t]);
                        }
                    }
                    continue;
                }
                int next = nextOp(sg, codes, i);
                if (code == DEPTHWISE_CONV_2D && next >= 0 && lastUse[out[0]] == next) {
                    Flatbuffer.Table nop = sg.tableAt(3, next);
                    int[] nin = nop.ints(1);
                    int[] nw = shapes[nin[1]];
                    Flatbuffer.Table nopt = nop.table(4);
                    boolean stride1 = nopt == null || (nopt.getInt(1, 1) == 1 && nopt.getInt(2, 1) == 1);
                    if (codes[nop.getInt(0, 0)] == CONV_2D && nin[0] == out[0] && nw[1] == 1 && nw[2] == 1 && stride1) {
                        pendingDw = i; // compiled with the 1x1 convolution; its output never exists
                        continue;
                    }
                }
                for (int t : out) {
                    assign(t, sizes, free);
                }
                boolean fuseRelu = false;
                if ((code == CONV_2D || code == DEPTHWISE_CONV_2D || code == ADD) && next >= 0) {
                    Flatbuffer.Table nop = sg.tableAt(3, next);
                    int[] nin = nop.ints(1);
                    if (codes[nop.getInt(0, 0)] == RELU && nin.length == 1 && nin[0] == out[0]
                        && lastUse[out[0]] == next) {
                        fuseRelu = true;
                        fusedAway[next] = true;
                        aliasTo[next] = out[0];
                    }
                }
                if (pendingDw >= 0 && code == CONV_2D) {
                    Flatbuffer.Table dop = sg.tableAt(3, pendingDw);
                    int[] din = dop.ints(1);
                    steps.add(compileDwPw(pendingDw, din, dop.table(4), i, in, out, opt, constants, fuseRelu));
                    for (int t : din) {
                        if (t >= 0 && slotOf[t] >= 0 && lastUse[t] == pendingDw && t != input
                            && !free.contains(slotOf[t])) {
                            free.add(slotOf[t]);
                        }
                    }
                    pendingDw = -1;
                } else {
                    steps.add(compile(i, code, in, out, opt, constants, fuseRelu));
                }
                for (int t : in) {
                    if (t >= 0 && slotOf[t] >= 0 && lastUse[t] == i && t != input && !free.contains(slotOf[t])) {
                        free.add(slotOf[t]);
                    }
                }
            }
            slotSize = sizes.stream().mapToInt(Integer::intValue).toArray();
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new EngineModelException(file, "model file " + file + " could not be parsed: " + e.getMessage(), e);
        }
        slots = ThreadLocal.withInitial(() -> {
            float[][] s = new float[slotSize.length][];
            for (int i = 0; i < s.length; i++) {
                s[i] = new float[slotSize[i]];
            }
            return s;
        });
    }

    private void assign(int t, List<Integer> sizes, List<Integer> free) {
        int size = count(shapes[t]);
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int s = free.get(i);
            if (best < 0 || Math.abs(sizes.get(s) - size) < Math.abs(sizes.get(free.get(best)) - size)) {
                best = i;
            }
        }
        int slot;
        if (best >= 0) {
            slot = free.remove(best);
            sizes.set(slot, Math.max(sizes.get(slot), size));
        } else {
            slot = sizes.size();
            sizes.add(size);
        }
        slotOf[t] = slot;
    }

    private static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private Object decode(ByteBuffer data, int type, int n, int t) {
        switch (type) {
            case FLOAT32: {
                float[] f = new float[n];
                data.asFloatBuffer().get(f);
                constantBytes += 4L * n;
                return f;
            }
            case FLOAT16: {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = halfToFloat(data.getShort(2 * i));
                }
                constantBytes += 4L * n;
                return f;
            }
            case INT32: {
                int[] v = new int[n];
                data.asIntBuffer().get(v);
                return v;
            }
            default:
                throw fail("tensor " + t + " has unsupported type " + type);
        }
    }

    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private EngineModelException fail(String msg) {
        return new EngineModelException(file, "model file " + file + ": " + msg, null);
    }

    private float[] floatConst(Object[] constants, int t, String what) {
        if (!(constants[t] instanceof float[])) {
            throw fail(what + " (tensor " + t + ") is not a constant float tensor");
        }
        return (float[]) constants[t];
    }

    private int[] dims4(int t) {
        int[] s = shapes[t];
        if (s.length != 4 || s[0] != 1) {
            throw fail("tensor " + t + " is not a 1xHxWxC tensor: " + Arrays.toString(s));
        }
        return s;
    }

    private Step compile(int index, int code, int[] in, int[] out, Flatbuffer.Table opt, Object[] constants,
                         boolean fuseRelu) {
        int o = out[0];
        switch (code) {
            case CONV_2D: {
                Conv conv = convOf(index, in, opt, constants);
                int[] xs = dims4(in[0]);
                boolean relu = fuseRelu || (opt != null && opt.getByte(3, 0) == 1);
                return v -> conv.apply(new Tensor(xs[1], xs[2], xs[3], v[slotOf[in[0]]]), v[slotOf[o]], relu,
                    Workspace.get());
            }
            case DEPTHWISE_CONV_2D: {
                Depthwise dw = depthwiseOf(index, in, opt, constants);
                int[] x = dims4(in[0]);
                boolean relu = fuseRelu || (opt != null && opt.getByte(4, 0) == 1);
                return v -> dw.apply(new Tensor(x[1], x[2], x[3], v[slotOf[in[0]]]), v[slotOf[o]], relu);
            }
            case ADD: {
                if (!Arrays.equals(shapes[in[0]], shapes[in[1]])) {
                    throw fail("op " + index + ": ADD with broadcasting is not supported");
                }
                int act = opt == null ? 0 : opt.getByte(0, 0);
                checkRelu(index, act);
                int n = count(shapes[o]);
                boolean relu = act == 1 || fuseRelu;
                return v -> {
                    float[] a = v[slotOf[in[0]]];
                    float[] b = v[slotOf[in[1]]];
                    float[] r = v[slotOf[o]];
                    if (relu) {
                        for (int i = 0; i < n; i++) {
                            r[i] = Math.max(a[i] + b[i], 0f);
                        }
                    } else {
                        for (int i = 0; i < n; i++) {
                            r[i] = a[i] + b[i];
                        }
                    }
                };
            }
            case RELU: {
                int n = count(shapes[o]);
                return v -> {
                    float[] a = v[slotOf[in[0]]];
                    float[] r = v[slotOf[o]];
                    for (int i = 0; i < n; i++) {
                        r[i] = Math.max(a[i], 0f);
                    }
                };
            }
            case PAD: {
                int[] x = dims4(in[0]);
                int[] y = dims4(o);
                if (!(constants[in[1]] instanceof int[])) {
                    throw fail("op " + index + ": PAD needs constant paddings");
                }
                int[] p = (int[]) constants[in[1]];
                int top = p[2];
                int left = p[4];
                int front = p[6];
                return v -> {
                    float[] a = v[slotOf[in[0]]];
                    float[] r = v[slotOf[o]];
                    Arrays.fill(r, 0, count(y), 0f);
                    for (int yy = 0; yy < x[1]; yy++) {
                        for (int xx = 0; xx < x[2]; xx++) {
                            System.arraycopy(a, (yy * x[2] + xx) * x[3], r,
                                ((yy + top) * y[2] + xx + left) * y[3] + front, x[3]);
                        }
                    }
                };
            }
            case MAX_POOL_2D: {
                int[] x = dims4(in[0]);
                boolean same = opt == null || opt.getByte(0, 0) == 0;
                int sw = opt.getInt(1, 1);
                int sh = opt.getInt(2, 1);
                int fw = opt.getInt(3, 1);
                int fh = opt.getInt(4, 1);
                int act = opt.getByte(5, 0);
                if (sw != sh || fw != fh) {
                    throw fail("op " + index + ": non-square pooling is not supported");
                }
                checkRelu(index, act);
                return v -> Layers.pool(new Tensor(x[1], x[2], x[3], v[slotOf[in[0]]]), fw, sw, same, true, v[slotOf[o]]);
            }
            case RESIZE_BILINEAR: {
                int[] x = dims4(in[0]);
                int[] y = dims4(o);
                boolean alignCorners = opt != null && opt.getBool(2);
                boolean halfPixel = opt != null && opt.getBool(3);
                if (alignCorners) {
                    throw fail("op " + index + ": RESIZE_BILINEAR with align_corners is not supported");
                }
                return v -> resizeBilinear(v[slotOf[in[0]]], x[1], x[2], x[3], v[slotOf[o]], y[1], y[2], halfPixel);
            }
            case RESHAPE: {
                int n = count(shapes[o]);
                return v -> System.arraycopy(v[slotOf[in[0]]], 0, v[slotOf[o]], 0, n);
            }
            case CONCATENATION: {
                int[] ys = shapes[o];
                int axis = opt.getInt(0, 0);
                if (axis < 0) {
                    axis += ys.length;
                }
                checkRelu(index, opt.getByte(1, 0));
                int outer = 1;
                for (int d = 0; d < axis; d++) {
                    outer *= ys[d];
                }
                int[] inner = new int[in.length];
                int total = 0;
                for (int k = 0; k < in.length; k++) {
                    int m = 1;
                    for (int d = axis; d < shapes[in[k]].length; d++) {
                        m *= shapes[in[k]][d];
                    }
                    inner[k] = m;
                    total += m;
                }
                int outerN = outer;
                int totalN = total;
                return v -> {
                    float[] r = v[slotOf[o]];
                    for (int a = 0; a < outerN; a++) {
                        int pos = a * totalN;
                        for (int k = 0; k < in.length; k++) {
                            System.arraycopy(v[slotOf[in[k]]], a * inner[k], r, pos, inner[k]);
                            pos += inner[k];
                        }
                    }
                };
            }
            default:
                throw fail("op " + index + ": operator " + code + " is not supported by this engine");
        }
    }

    /** Index of the next op after {@code i} that is not a DEQUANTIZE, or -1. */
    private static int nextOp(Flatbuffer.Table sg, int[] codes, int i) {
        for (int j = i + 1; j < sg.vectorLength(3); j++) {
            if (codes[sg.tableAt(3, j).getInt(0, 0)] != DEQUANTIZE) {
                return j;
            }
        }
        return -1;
    }

    private Depthwise depthwiseOf(int index, int[] in, Flatbuffer.Table opt, Object[] constants) {
        int[] w = shapes[in[1]];
        int[] x = dims4(in[0]);
        boolean same = opt == null || opt.getByte(0, 0) == 0;
        int sw = opt == null ? 1 : opt.getInt(1, 1);
        int sh = opt == null ? 1 : opt.getInt(2, 1);
        int mult = opt == null ? 1 : opt.getInt(3, 1);
        checkStrides(index, sw, sh, opt == null ? 1 : opt.getInt(5, 1), opt == null ? 1 : opt.getInt(6, 1));
        if (mult != 1 || w[3] != x[3]) {
            throw fail("op " + index + ": depthwise multiplier " + mult + " is not supported");
        }
        checkRelu(index, opt == null ? 0 : opt.getByte(4, 0));
        float[] bias = in.length > 2 && in[2] >= 0 ? floatConst(constants, in[2], "depthwise bias") : null;
        return new Depthwise(w[1], w[2], w[3], sw, same, floatConst(constants, in[1], "depthwise weights"), bias);
    }

    private Conv convOf(int index, int[] in, Flatbuffer.Table opt, Object[] constants) {
        int[] w = shapes[in[1]];
        dims4(in[0]);
        boolean same = opt == null || opt.getByte(0, 0) == 0;
        int sw = opt == null ? 1 : opt.getInt(1, 1);
        int sh = opt == null ? 1 : opt.getInt(2, 1);
        checkStrides(index, sw, sh, opt == null ? 1 : opt.getInt(4, 1), opt == null ? 1 : opt.getInt(5, 1));
        checkRelu(index, opt == null ? 0 : opt.getByte(3, 0));
        float[] ohwi = floatConst(constants, in[1], "conv weights");
        int oc = w[0];
        int kh = w[1];
        int kw = w[2];
        int ic = w[3];
        float[] hwio = new float[ohwi.length];
        for (int a = 0; a < oc; a++) {
            for (int r = 0; r < kh * kw * ic; r++) {
                hwio[r * oc + a] = ohwi[a * kh * kw * ic + r];
            }
        }
        float[] bias = in.length > 2 && in[2] >= 0 ? floatConst(constants, in[2], "conv bias") : new float[oc];
        return new Conv(kh, kw, ic, oc, sw, same, hwio, bias);
    }

    /**
     * A depthwise convolution and the 1x1 convolution that consumes its output, as one step: each depthwise output
     * row goes through the 1x1 convolution while it is in cache, and the depthwise output is never stored.
     */
    private Step compileDwPw(int dwIndex, int[] dwIn, Flatbuffer.Table dwOpt, int index, int[] in, int[] out,
                             Flatbuffer.Table opt, Object[] constants, boolean fuseRelu) {
        Depthwise dw = depthwiseOf(dwIndex, dwIn, dwOpt, constants);
        boolean dwRelu = dwOpt != null && dwOpt.getByte(4, 0) == 1;
        Conv pw = convOf(index, in, opt, constants);
        boolean relu = fuseRelu || (opt != null && opt.getByte(3, 0) == 1);
        int[] x = dims4(dwIn[0]);
        int ow = dw.outSize(x[2], dw.kw);
        int rowOut = ow * pw.outC;
        int o = out[0];
        return v -> {
            float[] y = v[slotOf[o]];
            Workspace ws = Workspace.get();
            dw.rows(new Tensor(x[1], x[2], x[3], v[slotOf[dwIn[0]]]), dwRelu,
                (oy, acc) -> pw.pointwise(acc, ow, y, oy * rowOut, relu, ws));
        };
    }

    private void checkStrides(int index, int sw, int sh, int dw, int dh) {
        if (sw != sh || dw != 1 || dh != 1) {
            throw fail("op " + index + ": unequal strides or dilation are not supported");
        }
    }

    private void checkRelu(int index, int act) {
        if (act != 0 && act != 1) {
            throw fail("op " + index + ": fused activation " + act + " is not supported");
        }
    }

    /** TFLite's reference bilinear resize (half-pixel centres or not, no corner alignment). */
    static void resizeBilinear(float[] in, int ih, int iw, int c, float[] out, int oh, int ow, boolean halfPixel) {
        float sy = (float) ih / oh;
        float sx = (float) iw / ow;
        for (int y = 0; y < oh; y++) {
            float fy = halfPixel ? (y + 0.5f) * sy - 0.5f : y * sy;
            int y0 = Math.max((int) Math.floor(fy), 0);
            int y1 = Math.min((int) Math.ceil(fy), ih - 1);
            float dy = fy - y0;
            for (int x = 0; x < ow; x++) {
                float fx = halfPixel ? (x + 0.5f) * sx - 0.5f : x * sx;
                int x0 = Math.max((int) Math.floor(fx), 0);
                int x1 = Math.min((int) Math.ceil(fx), iw - 1);
                float dx = fx - x0;
                int o = (y * ow + x) * c;
                int a = (y0 * iw + x0) * c;
                int b = (y0 * iw + x1) * c;
                int d = (y1 * iw + x0) * c;
                int e = (y1 * iw + x1) * c;
                for (int j = 0; j < c; j++) {
                    out[o + j] = in[a + j] * (1 - dy) * (1 - dx) + in[d + j] * dy * (1 - dx)
                        + in[b + j] * (1 - dy) * dx + in[e + j] * dy * dx;
                }
            }
        }
    }

    /** Returns the input shape (1, H, W, C). */
    int[] inputShape() {
        return shapes[input].clone();
    }

    /**
     * Runs the model.
     *
     * @param in the input, H*W*C floats
     * @return the output tensors in the model's order (fresh arrays)
     */
    float[][] run(float[] in) {
        float[][] v = slots.get();
        System.arraycopy(in, 0, v[slotOf[input]], 0, count(shapes[input]));
        for (Step s : steps) {
            s.run(v);
        }
        float[][] result = new float[outputs.length][];
        for (int i = 0; i < outputs.length; i++) {
            result[i] = Arrays.copyOf(v[slotOf[outputs[i]]], count(shapes[outputs[i]]));
        }
        return result;
    }

    /** Returns the shape of output {@code i}. */
    int[] outputShape(int i) {
        return shapes[outputs[i]].clone();
    }

    long weightBytes() {
        return constantBytes;
    }
}
