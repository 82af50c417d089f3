package dev.rekoface.engine;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads TensorFlow.js weights (a {@code *-weights_manifest.json} plus one {@code .bin} shard) into float arrays,
 * dequantising uint8/uint16 tensors as TensorFlow.js does: {@code value = q * scale + min}, computed in double and
 * stored as float.
 */
final class TfjsWeights {
    private final Map<String, float[]> tensors = new HashMap<>();
    private final Map<String, int[]> shapes = new HashMap<>();
    private final String file;

    private TfjsWeights(String file) {
        this.file = file;
    }

    static TfjsWeights read(ModelStore store, String manifestName, String binName) {
        byte[] manifest = store.read(manifestName);
        byte[] bin = store.read(binName);
        TfjsWeights w = new TfjsWeights(binName);
        try {
            JsonNode root = new ObjectMapper().readTree(manifest);
            int pos = 0;
            for (JsonNode group : root) {
                for (JsonNode p : group.get("paths")) {
                    if (!p.asString().equals(binName)) {
                        throw new EngineModelException(manifestName, "manifest " + manifestName + " names shard "
                            + p.asString() + ", expected only " + binName, null);
                    }
                }
                for (JsonNode t : group.get("weights")) {
                    String name = t.get("name").asString();
                    JsonNode shapeNode = t.get("shape");
                    int[] shape = new int[shapeNode.size()];
                    int count = 1;
                    for (int i = 0; i < shape.length; i++) {
                        shape[i] = shapeNode.get(i).asInt();
                        count *= shape[i];
                    }
                    if (!"float32".equals(t.get("dtype").asString())) {
                        throw new EngineModelException(manifestName, "tensor " + name + " has unsupported dtype "
                            + t.get("dtype").asString(), null);
                    }
                    float[] values = new float[count];
                    JsonNode q = t.get("quantization");
                    if (q == null) {
                        check(bin, pos, count * 4, binName);
                        for (int i = 0; i < count; i++, pos += 4) {
                            values[i] = Float.intBitsToFloat((bin[pos] & 0xff) | (bin[pos + 1] & 0xff) << 8
                                | (bin[pos + 2] & 0xff) << 16 | (bin[pos + 3] & 0xff) << 24);
                        }
                    } else {
                        double scale = q.get("scale").asDouble();
                        double min = q.get("min").asDouble();
                        String qType = q.get("dtype").asString();
                        if ("uint8".equals(qType)) {
                            check(bin, pos, count, binName);
                            for (int i = 0; i < count; i++) {
                                values[i] = (float) ((bin[pos++] & 0xff) * scale + min);
                            }
                        } else if ("uint16".equals(qType)) {
                            check(bin, pos, count * 2, binName);
                            for (int i = 0; i < count; i++, pos += 2) {
                                values[i] = (float) (((bin[pos] & 0xff) | (bin[pos + 1] & 0xff) << 8) * scale + min);
                            }
                        } else {
                            throw new EngineModelException(manifestName, "tensor " + name
                                + " has unsupported quantization " + qType, null);
                        }
                    }
                    w.tensors.put(name, values);
                    w.shapes.put(name, shape);
                }
            }
            if (pos != bin.length) {
                throw new EngineModelException(binName, binName + " has " + bin.length + " bytes but its manifest "
                    + manifestName + " describes " + pos, null);
            }
        } catch (JacksonException e) {
            throw new EngineModelException(manifestName, "manifest " + manifestName + " is not valid JSON: " + e, e);
        }
        return w;
    }

    private static void check(byte[] bin, int pos, int len, String binName) {
        if (pos + len > bin.length) {
            throw new EngineModelException(binName, binName + " is shorter than its manifest says", null);
        }
    }

    /** Returns a tensor's values (row-major in its TensorFlow shape) and checks its size. */
    float[] get(String name, int... expectedShape) {
        float[] v = tensors.get(name);
        if (v == null) {
            throw new EngineModelException(file, "tensor " + name + " is missing from " + file, null);
        }
        int[] shape = shapes.get(name);
        if (!java.util.Arrays.equals(shape, expectedShape)) {
            throw new EngineModelException(file, "tensor " + name + " has shape " + java.util.Arrays.toString(shape)
                + ", expected " + java.util.Arrays.toString(expectedShape), null);
        }
        return v;
    }

    /** Returns a tensor's shape. */
    int[] shape(String name) {
        int[] s = shapes.get(name);
        if (s == null) {
            throw new EngineModelException(file, "tensor " + name + " is missing from " + file, null);
        }
        return s.clone();
    }
}
