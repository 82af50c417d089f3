package dev.rekoface.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One of MediaPipe's BlazeFace detectors: runs the TFLite model on a square RGB input scaled to [-1, 1] and decodes
 * its SSD output over fixed anchors into raw detections (before non-maximum suppression), exactly as MediaPipe's
 * {@code SsdAnchorsCalculator} and {@code TensorsToDetectionsCalculator} do for these models: anchors of fixed size 1
 * at cell centres, box centre and keypoints as offsets scaled by the input size, scores through a sigmoid (raw values
 * clipped to +-100).
 *
 * <p>Immutable and thread-safe.
 */
final class BlazeFace {
    /** A raw detection in input-relative coordinates (0..1 of the model input). */
    record Raw(float score, float cx, float cy, float w, float h, float[] keypoints) {
    }

    private final TfliteGraph graph;
    private final int size;
    private final float[] anchorX;
    private final float[] anchorY;

    private BlazeFace(TfliteGraph graph, int[] strides, int anchorsPerLayer) {
        this.graph = graph;
        this.size = graph.inputShape()[1];
        List<float[]> anchors = new ArrayList<>();
        int layer = 0;
        while (layer < strides.length) {
            int stride = strides[layer];
            int same = 0;
            while (layer < strides.length && strides[layer] == stride) {
                same++;
                layer++;
            }
            int fm = (int) Math.ceil((double) size / stride);
            for (int y = 0; y < fm; y++) {
                for (int x = 0; x < fm; x++) {
                    for (int a = 0; a < anchorsPerLayer * same; a++) {
                        anchors.add(new float[] {(x + 0.5f) / fm, (y + 0.5f) / fm});
                    }
                }
            }
        }
        anchorX = new float[anchors.size()];
        anchorY = new float[anchors.size()];
        for (int i = 0; i < anchorX.length; i++) {
            anchorX[i] = anchors.get(i)[0];
            anchorY[i] = anchors.get(i)[1];
        }
        int n = graph.outputShape(0)[1];
        if (n != anchorX.length) {
            throw new EngineModelException("", "BlazeFace model has " + n + " outputs but " + anchorX.length
                + " anchors", null);
        }
    }

    /** The short-range model: 128x128 input, 896 anchors from strides 8, 16, 16, 16. */
    static BlazeFace shortRange(TfliteGraph g) {
        return new BlazeFace(g, new int[] {8, 16, 16, 16}, 2);
    }

    /**
     * The full-range model: 192x192 input, 2304 anchors of stride 4 (one anchor per cell: the full-range graph uses
     * a single layer with one aspect ratio and no interpolated scale).
     */
    static BlazeFace fullRange(TfliteGraph g) {
        return new BlazeFace(g, new int[] {4}, 1);
    }

    int inputSize() {
        return size;
    }

    /**
     * Runs the detector.
     *
     * @param input size*size*3 floats in [-1, 1], RGB, row by row
     * @param minScore the score threshold (after the sigmoid)
     * @return the raw detections above the threshold
     */
    List<Raw> detect(float[] input, float minScore) {
        float[][] out = graph.run(input);
        float[] reg = out[0];
        float[] cls = out[1];
        List<Raw> result = new ArrayList<>();
        float logitMin = (float) Math.log(minScore / (1 - minScore));
        for (int i = 0; i < anchorX.length; i++) {
            float logit = Math.max(-100f, Math.min(100f, cls[i]));
            if (logit < logitMin) {
                continue;
            }
            float score = (float) (1 / (1 + Math.exp(-logit)));
            int r = i * 16;
            float cx = reg[r] / size + anchorX[i];
            float cy = reg[r + 1] / size + anchorY[i];
            float w = reg[r + 2] / size;
            float h = reg[r + 3] / size;
            float[] kp = new float[12];
            for (int k = 0; k < 6; k++) {
                kp[2 * k] = reg[r + 4 + 2 * k] / size + anchorX[i];
                kp[2 * k + 1] = reg[r + 5 + 2 * k] / size + anchorY[i];
            }
            result.add(new Raw(score, cx, cy, w, h, kp));
        }
        return result;
    }

    long weightBytes() {
        return graph.weightBytes();
    }
}
