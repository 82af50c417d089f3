package dev.rekoface.engine;

import static dev.rekoface.engine.TfliteModel.ADD;
import static dev.rekoface.engine.TfliteModel.CONCATENATION;
import static dev.rekoface.engine.TfliteModel.CONV_2D;
import static dev.rekoface.engine.TfliteModel.DEPTHWISE_CONV_2D;
import static dev.rekoface.engine.TfliteModel.DEQUANTIZE;
import static dev.rekoface.engine.TfliteModel.MAX_POOL_2D;
import static dev.rekoface.engine.TfliteModel.PAD;
import static dev.rekoface.engine.TfliteModel.RELU;
import static dev.rekoface.engine.TfliteModel.RESHAPE;
import static dev.rekoface.engine.TfliteModel.RESIZE_BILINEAR;
import static dev.rekoface.engine.TfliteModel.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a TensorFlow Lite model (float activations, batch 1) in plain Java. Supports exactly the operators the two
 * BlazeFace models use: CONV_2D, DEPTHWISE_CONV_2D, ADD, RELU, PAD (of channels), MAX_POOL_2D, RESIZE_BILINEAR,
 * RESHAPE, CONCATENATION and DEQUANTIZE (float16 weights, evaluated once at load). Any other operator, a dynamic shape
 * or a non-constant weight is refused at load with an {@link EngineModelException}.
 *
 * <p>Activations are held planar: one array per channel ("plane") of H*W values. JDK 17's C2 vectorises only loops
 * whose arrays are all indexed alike; with planes, the 1x1 convolutions (two thirds of BlazeFace's work, mostly with
 * 8 to 64 output channels) run over whole planes with weights as scalars, instead of over rows of a few output
 * channels. The arithmetic (order of every multiply-add) is the same as the channels-last reference, so the outputs
 * are bit for bit the same. Planes are assigned to reusable buffers by liveness when loading (a channel PAD appends
 * a shared zero plane instead of copying); each thread keeps its own buffers, so {@link #run(float[])} is
 * thread-safe and does not allocate after the first call on a thread. The flatbuffer is read by
 * {@link TfliteModel}; the buffers and their allocator are {@link TfliteBuffers}.
 */
final class TfliteGraph {
    private final String file;
    private final int[][] shapes;
    /**
     * Tensors of at most this many pixels are held channels-last in one buffer: with few pixels and many channels
     * (BlazeFace's 12x12 and 6x6 maps have 96 to 384), loops over channels are the long ones.
     */
    static final int CHANNELS_LAST_MAX_PIXELS = 144;

    /** Buffer ids of each 4-D activation tensor: one per channel if planar, one if channels-last (null: others). */
    private final int[][] planesOf;
    /** Whether each 4-D activation tensor is held channels-last. */
    private boolean[] hwc;
    /** Flat (channels-last) buffer id of each RESHAPE/CONCATENATION output, -1 for others. */
    private final int[] flatOf;
    private final List<Integer> flatLen = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final int input;
    private final int[] outputs;
    private final ThreadLocal<TfliteBuffers> buffers;
    private int scratchRows;
    private int scratchLen;
    private final long constantBytes;

    private interface Step {
        void run(TfliteBuffers b);
    }

    TfliteGraph(String file, byte[] bytes) {
        this.file = file;
        TfliteBuffers.Pool pool = new TfliteBuffers.Pool();
        try {
            TfliteModel model = new TfliteModel(file, bytes);
            constantBytes = model.constantBytes();
            shapes = model.shapes;
            Object[] constants = model.constants;
            input = model.input;
            outputs = model.outputs;
            int nt = shapes.length;
            int no = model.ops.size();
            // liveness: last op index reading each tensor
            int[] lastUse = new int[nt];
            Arrays.fill(lastUse, -1);
            for (int i = 0; i < no; i++) {
                for (int t : model.ops.get(i).in()) {
                    if (t >= 0) {
                        lastUse[t] = i;
                    }
                }
            }
            for (int t : outputs) {
                lastUse[t] = Integer.MAX_VALUE;
            }
            lastUse[input] = Integer.MAX_VALUE; // written by run() before the first step
            planesOf = new int[nt][];
            hwc = new boolean[nt];
            for (int t = 0; t < nt; t++) {
                int[] sh = shapes[t];
                hwc[t] = sh.length == 4 && sh[1] * sh[2] <= CHANNELS_LAST_MAX_PIXELS;
            }
            flatOf = new int[nt];
            Arrays.fill(flatOf, -1);
            planesOf[input] = allocate(pool, input);
            boolean[] fusedAway = new boolean[no];
            for (int i = 0; i < no; i++) {
                TfliteModel.Op op = model.ops.get(i);
                int code = op.code();
                int[] in = op.in();
                int[] out = op.out();
                Flatbuffer.Table opt = op.options();
                if (code == DEQUANTIZE) {
                    if (constants[in[0]] == null) {
                        throw fail("DEQUANTIZE of a non-constant tensor at op " + i);
                    }
                    constants[out[0]] = constants[in[0]];
                    continue;
                }
                if (fusedAway[i]) {
                    // a RELU done in place by its producer
                    planesOf[out[0]] = planesOf[in[0]];
                    continue;
                }
                int o = out[0];
                boolean fuseRelu = false;
                int next = model.nextOp(i);
                if ((code == CONV_2D || code == DEPTHWISE_CONV_2D || code == ADD) && next >= 0) {
                    TfliteModel.Op nop = model.ops.get(next);
                    int[] nin = nop.in();
                    if (nop.code() == RELU && nin.length == 1 && nin[0] == o && lastUse[o] == next
                        && hwc[nop.out()[0]] == hwc[o]) {
                        fuseRelu = true;
                        fusedAway[next] = true;
                    }
                }
                List<int[]> temps = new ArrayList<>();
                if (code == PAD && !hwc[o] && !hwc[in[0]]) {
                    // channel padding of planes: the input's planes followed by zero planes (no copy)
                    int[] x = dims4(in[0]);
                    int[] y = dims4(o);
                    if (!channelPadOnly(in, constants) || y[1] != x[1] || y[2] != x[2]) {
                        throw fail("op " + i + ": PAD other than appending channels is not supported");
                    }
                    int[] ids = Arrays.copyOf(planesOf[in[0]], y[3]);
                    pool.share(planesOf[in[0]]);
                    for (int c = x[3]; c < y[3]; c++) {
                        ids[c] = pool.zero(x[1] * x[2]);
                    }
                    planesOf[o] = ids;
                } else if (code == RESHAPE || code == CONCATENATION) {
                    flatOf[o] = flatLen.size();
                    flatLen.add(count(shapes[o]));
                    steps.add(compile(i, code, in, out, opt, constants, false, pool, temps));
                } else {
                    planesOf[o] = allocate(pool, o);
                    steps.add(compile(i, code, in, out, opt, constants, fuseRelu, pool, temps));
                }
                for (int[] t : temps) {
                    pool.release(t);
                }
                for (int t : in) {
                    if (t >= 0 && planesOf[t] != null && lastUse[t] == i) {
                        pool.release(planesOf[t]);
                    }
                }
                if (planesOf[o] != null && lastUse[o] < 0) {
                    pool.release(planesOf[o]); // never read
                }
            }
            for (int t : outputs) {
                if (flatOf[t] < 0) {
                    throw fail("output tensor " + t + " is not a RESHAPE or CONCATENATION result");
                }
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new EngineModelException(file, "model file " + file + " could not be parsed: " + e.getMessage(), e);
        }
        int[] pl = pool.lengths();
        int[] fl = flatLen.stream().mapToInt(Integer::intValue).toArray();
        int rows = scratchRows;
        int len = scratchLen;
        int[][] po = planesOf;
        buffers = ThreadLocal.withInitial(() -> new TfliteBuffers(pl, fl, rows, len, po));
    }

    private int[] allocate(TfliteBuffers.Pool pool, int t) {
        int[] s = dims4(t);
        return hwc[t] ? pool.take(1, s[1] * s[2] * s[3]) : pool.take(s[3], s[1] * s[2]);
    }

    /** Reads a tensor in the layout an op wants. */
    private interface Src {
        float[][] get(TfliteBuffers b);
    }

    /** Tensor t in the wanted layout: itself, or converted into a temporary (ids added to temps) at each run. */
    private Src src(int t, boolean wantHwc, TfliteBuffers.Pool pool, List<int[]> temps) {
        if (hwc[t] == wantHwc) {
            return b -> b.views[t];
        }
        int[] s = dims4(t);
        int p = s[1] * s[2];
        int c = s[3];
        int[] ids = wantHwc ? pool.take(1, p * c) : pool.take(c, p);
        temps.add(ids);
        if (wantHwc) {
            return b -> {
                float[][] v = b.view(ids);
                PlanarOps.toChannelsLast(b.views[t], p, c, v[0]);
                return v;
            };
        }
        return b -> {
            float[][] v = b.view(ids);
            PlanarOps.fromChannelsLast(b.views[t][0], p, c, v);
            return v;
        };
    }

    private void needScratch(int rows, int len) {
        scratchRows = Math.max(scratchRows, rows);
        scratchLen = Math.max(scratchLen, len);
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
                         boolean fuseRelu, TfliteBuffers.Pool pool, List<int[]> temps) {
        int o = out[0];
        boolean cl = o < hwc.length && hwc[o];
        switch (code) {
            case CONV_2D: {
                int[] w = shapes[in[1]];
                int[] x = dims4(in[0]);
                int[] y = dims4(o);
                boolean same = opt == null || opt.getByte(0, 0) == 0;
                int sw = opt == null ? 1 : opt.getInt(1, 1);
                int sh = opt == null ? 1 : opt.getInt(2, 1);
                int act = opt == null ? 0 : opt.getByte(3, 0);
                checkStrides(index, sw, sh, opt == null ? 1 : opt.getInt(4, 1), opt == null ? 1 : opt.getInt(5, 1));
                checkRelu(index, act);
                int oc = w[0];
                int kh = w[1];
                int kw = w[2];
                int ic = w[3];
                int k = kh * kw * ic;
                float[] ohwi = floatConst(constants, in[1], "conv weights");
                float[] bias = in.length > 2 && in[2] >= 0 ? floatConst(constants, in[2], "conv bias") : new float[oc];
                boolean relu = act == 1 || fuseRelu;
                Src src = src(in[0], cl, pool, temps);
                if (cl) {
                    float[] hwio = new float[ohwi.length];
                    for (int a = 0; a < oc; a++) {
                        for (int r = 0; r < k; r++) {
                            hwio[r * oc + a] = ohwi[a * k + r];
                        }
                    }
                    Conv conv = new Conv(kh, kw, ic, oc, sw, same, hwio, bias);
                    return b -> conv.apply(new Tensor(x[1], x[2], x[3], src.get(b)[0]), b.views[o][0], relu,
                        Workspace.get());
                }
                float[][] rows = new float[oc][];
                for (int a = 0; a < oc; a++) {
                    rows[a] = Arrays.copyOfRange(ohwi, a * k, (a + 1) * k);
                }
                int p = y[1] * y[2];
                if (kh == 1 && kw == 1 && sw == 1) {
                    return b -> PlanarOps.pointwise(src.get(b), rows, bias, b.views[o], ic, p, relu);
                }
                int pt = Layers.padBefore(x[1], y[1], kh, sw, same);
                int pl = Layers.padBefore(x[2], y[2], kw, sw, same);
                needScratch(PlanarOps.im2colScratch(k), Math.max(p, ((x[1] + 1) / 2) * ((x[2] + 1) / 2)));
                return b -> {
                    float[][] cols = b.scratch;
                    PlanarOps.im2colT(src.get(b), x[1], x[2], ic, kh, kw, sw, pt, pl, y[1], y[2], cols);
                    PlanarOps.pointwise(cols, rows, bias, b.views[o], k, p, relu);
                };
            }
            case DEPTHWISE_CONV_2D: {
                int[] w = shapes[in[1]];
                int[] x = dims4(in[0]);
                int[] y = dims4(o);
                boolean same = opt == null || opt.getByte(0, 0) == 0;
                int sw = opt == null ? 1 : opt.getInt(1, 1);
                int sh = opt == null ? 1 : opt.getInt(2, 1);
                int mult = opt == null ? 1 : opt.getInt(3, 1);
                int act = opt == null ? 0 : opt.getByte(4, 0);
                checkStrides(index, sw, sh, opt == null ? 1 : opt.getInt(5, 1), opt == null ? 1 : opt.getInt(6, 1));
                if (mult != 1 || w[3] != x[3]) {
                    throw fail("op " + index + ": depthwise multiplier " + mult + " is not supported");
                }
                checkRelu(index, act);
                float[] weights = floatConst(constants, in[1], "depthwise weights");
                float[] bias = in.length > 2 && in[2] >= 0 ? floatConst(constants, in[2], "depthwise bias") : null;
                boolean relu = act == 1 || fuseRelu;
                int kh = w[1];
                int kw = w[2];
                Src src = src(in[0], cl, pool, temps);
                if (cl) {
                    Depthwise dw = new Depthwise(kh, kw, w[3], sw, same, weights, bias);
                    return b -> dw.apply(new Tensor(x[1], x[2], x[3], src.get(b)[0]), b.views[o][0], relu);
                }
                int pt = Layers.padBefore(x[1], y[1], kh, sw, same);
                int pl = Layers.padBefore(x[2], y[2], kw, sw, same);
                needScratch(PlanarOps.depthwiseScratch(kw), Math.max(y[1] * y[2], ((x[1] + 1) / 2) * ((x[2] + 1) / 2)));
                return b -> PlanarOps.depthwise(src.get(b), x[1], x[2], weights, bias, kh, kw, sw, pt, pl, y[1],
                    y[2], b.views[o], relu, b.scratch);
            }
            case ADD: {
                if (!Arrays.equals(shapes[in[0]], shapes[in[1]])) {
                    throw fail("op " + index + ": ADD with broadcasting is not supported");
                }
                int act = opt == null ? 0 : opt.getByte(0, 0);
                checkRelu(index, act);
                int[] y = dims4(o);
                int p = cl ? y[1] * y[2] * y[3] : y[1] * y[2];
                boolean relu = act == 1 || fuseRelu;
                Src a = src(in[0], cl, pool, temps);
                Src c = src(in[1], cl, pool, temps);
                return b -> PlanarOps.add(a.get(b), c.get(b), b.views[o], p, relu);
            }
            case RELU: {
                int[] y = dims4(o);
                int p = cl ? y[1] * y[2] * y[3] : y[1] * y[2];
                Src a = src(in[0], cl, pool, temps);
                return b -> PlanarOps.relu(a.get(b), b.views[o], p);
            }
            case PAD: {
                // channels-last (a planar PAD is a view, see the constructor)
                int[] x = dims4(in[0]);
                int[] y = dims4(o);
                if (!(constants[in[1]] instanceof int[])) {
                    throw fail("op " + index + ": PAD needs constant paddings");
                }
                int[] p = (int[]) constants[in[1]];
                int top = p[2];
                int left = p[4];
                int front = p[6];
                Src src = src(in[0], true, pool, temps);
                return b -> {
                    float[] a = src.get(b)[0];
                    float[] r = b.views[o][0];
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
                int[] y = dims4(o);
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
                Src src = src(in[0], cl, pool, temps);
                if (cl) {
                    return b -> Layers.pool(new Tensor(x[1], x[2], x[3], src.get(b)[0]), fw, sw, same, true,
                        b.views[o][0]);
                }
                int pt = Layers.padBefore(x[1], y[1], fh, sw, same);
                int pl = Layers.padBefore(x[2], y[2], fw, sw, same);
                return b -> PlanarOps.maxPool(src.get(b), x[1], x[2], fw, sw, pt, pl, y[1], y[2], b.views[o]);
            }
            case RESIZE_BILINEAR: {
                int[] x = dims4(in[0]);
                int[] y = dims4(o);
                boolean alignCorners = opt != null && opt.getBool(2);
                boolean halfPixel = opt != null && opt.getBool(3);
                if (alignCorners) {
                    throw fail("op " + index + ": RESIZE_BILINEAR with align_corners is not supported");
                }
                Src src = src(in[0], cl, pool, temps);
                if (cl) {
                    return b -> resizeBilinear(src.get(b)[0], x[1], x[2], x[3], b.views[o][0], y[1], y[2], halfPixel);
                }
                return b -> PlanarOps.resizeBilinear(src.get(b), x[1], x[2], b.views[o], y[1], y[2], halfPixel);
            }
            case RESHAPE: {
                int[] x = dims4(in[0]);
                int f = flatOf[o];
                int n = count(x);
                if (hwc[in[0]]) {
                    return b -> System.arraycopy(b.views[in[0]][0], 0, b.flats[f], 0, n);
                }
                return b -> PlanarOps.toChannelsLast(b.views[in[0]], x[1] * x[2], x[3], b.flats[f]);
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
                int[] src = new int[in.length];
                int total = 0;
                for (int k = 0; k < in.length; k++) {
                    if (flatOf[in[k]] < 0) {
                        throw fail("op " + index + ": CONCATENATION of a tensor that is not a RESHAPE result");
                    }
                    src[k] = flatOf[in[k]];
                    int m = 1;
                    for (int d = axis; d < shapes[in[k]].length; d++) {
                        m *= shapes[in[k]][d];
                    }
                    inner[k] = m;
                    total += m;
                }
                int outerN = outer;
                int totalN = total;
                int f = flatOf[o];
                return b -> {
                    float[] r = b.flats[f];
                    for (int a = 0; a < outerN; a++) {
                        int pos = a * totalN;
                        for (int k = 0; k < src.length; k++) {
                            System.arraycopy(b.flats[src[k]], a * inner[k], r, pos, inner[k]);
                            pos += inner[k];
                        }
                    }
                };
            }
            default:
                throw fail("op " + index + ": operator " + code + " is not supported by this engine");
        }
    }

    /** Whether a PAD op only appends channels (TFLite paddings [[0,0],[0,0],[0,0],[0,c]], constant). */
    private boolean channelPadOnly(int[] in, Object[] constants) {
        if (in.length < 2 || !(constants[in[1]] instanceof int[]) || shapes[in[0]].length != 4) {
            return false;
        }
        int[] p = (int[]) constants[in[1]];
        for (int i = 0; i < 7; i++) {
            if (p[i] != 0) {
                return false;
            }
        }
        return true;
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

    /** TFLite's reference bilinear resize (half-pixel centres or not, no corner alignment), channels-last. */
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
     * @param in the input, H*W*C floats, channels last
     * @return the output tensors in the model's order (fresh arrays, channels last)
     */
    float[][] run(float[] in) {
        TfliteBuffers b = buffers.get();
        int[] s = shapes[input];
        if (hwc[input]) {
            System.arraycopy(in, 0, b.views[input][0], 0, count(s));
        } else {
            PlanarOps.fromChannelsLast(in, s[1] * s[2], s[3], b.views[input]);
        }
        for (Step step : steps) {
            step.run(b);
        }
        float[][] result = new float[outputs.length][];
        for (int i = 0; i < outputs.length; i++) {
            result[i] = Arrays.copyOf(b.flats[flatOf[outputs[i]]], count(shapes[outputs[i]]));
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
