package dev.rekoface.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a TensorFlow Lite flatbuffer ({@code schema.fbs}) that {@link TfliteGraph} runs: the operator codes,
 * the tensors of the one subgraph (shape, type, constant data), its input and outputs, and its operators in order.
 * Constant tensors are decoded once here: FLOAT32 and FLOAT16 (widened) as {@code float[]}, INT32 as {@code int[]}.
 * Read once when a model loads; not shared between threads while it is built.
 */
final class TfliteModel {
    // BuiltinOperator codes used by the two BlazeFace models
    static final int ADD = 0;
    static final int CONCATENATION = 2;
    static final int CONV_2D = 3;
    static final int DEPTHWISE_CONV_2D = 4;
    static final int DEQUANTIZE = 6;
    static final int MAX_POOL_2D = 17;
    static final int RELU = 19;
    static final int RESHAPE = 22;
    static final int RESIZE_BILINEAR = 23;
    static final int PAD = 34;

    // TensorType codes
    private static final int FLOAT32 = 0;
    private static final int FLOAT16 = 1;
    private static final int INT32 = 2;

    /** One operator: its builtin code, input and output tensor indices (-1: absent) and its options table (or null). */
    record Op(int code, int[] in, int[] out, Flatbuffer.Table options) {
    }

    final String file;
    /** Shape of every tensor. */
    final int[][] shapes;
    /** Decoded data of every constant tensor ({@code float[]} or {@code int[]}), null for activations. */
    final Object[] constants;
    final int input;
    final int[] outputs;
    final List<Op> ops;
    private long constantBytes;

    /**
     * Parses a model.
     *
     * @param file the file name, for messages
     * @param bytes the flatbuffer
     * @throws EngineModelException if it is not a TensorFlow Lite model, has more than one subgraph, or a tensor of
     *     another type
     * @throws IndexOutOfBoundsException or {@link IllegalArgumentException} if the flatbuffer is damaged
     */
    TfliteModel(String file, byte[] bytes) {
        this.file = file;
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
        constants = new Object[nt];
        for (int t = 0; t < nt; t++) {
            Flatbuffer.Table tensor = sg.tableAt(0, t);
            shapes[t] = tensor.ints(0);
            int type = tensor.getByte(1, FLOAT32);
            ByteBuffer data = model.tableAt(4, tensor.getInt(2, 0)).bytes(0);
            if (data != null) {
                constants[t] = decode(data, type, count(shapes[t]), t);
            }
        }
        input = sg.ints(1)[0];
        outputs = sg.ints(2);
        int no = sg.vectorLength(3);
        List<Op> list = new ArrayList<>(no);
        for (int i = 0; i < no; i++) {
            Flatbuffer.Table op = sg.tableAt(3, i);
            list.add(new Op(codes[op.getInt(0, 0)], op.ints(1), op.ints(2), op.table(4)));
        }
        ops = List.copyOf(list);
    }

    /** Index of the next op after {@code i} that is not a DEQUANTIZE, or -1. */
    int nextOp(int i) {
        for (int j = i + 1; j < ops.size(); j++) {
            if (ops.get(j).code() != DEQUANTIZE) {
                return j;
            }
        }
        return -1;
    }

    /** Returns the bytes of decoded float constants (the weights). */
    long constantBytes() {
        return constantBytes;
    }

    static int count(int[] shape) {
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

    EngineModelException fail(String msg) {
        return new EngineModelException(file, "model file " + file + ": " + msg, null);
    }
}
