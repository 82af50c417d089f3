package dev.rekoface.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * A face descriptor: the 128 values dlib's face recognition network gives for an aligned face chip (not
 * L2-normalised). Faces of the same person have descriptors close together: {@link #distance} below about 0.6, and
 * {@link #similarity} at or above 80.
 *
 * <pre>{@code
 * FaceDescriptor a = engine.describe(photo, faceInPhoto);
 * FaceDescriptor b = engine.describe(other, faceInOther);
 * boolean samePerson = a.similarity(b) >= 80;
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} does not show the values (face vectors are personal data; keep
 * them out of logs).
 */
public final class FaceDescriptor {
    private final float[] values;

    private FaceDescriptor(float[] values) {
        this.values = values;
    }

    /**
     * Wraps descriptor values, for example ones stored earlier from {@link #values()}.
     *
     * @param values the values (copied); the engine's descriptors have {@value FaceEngine#DESCRIPTOR_SIZE}
     * @return the descriptor
     * @throws IllegalArgumentException if {@code values} is empty
     * @throws NullPointerException if {@code values} is null
     */
    public static FaceDescriptor of(float[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("a descriptor needs at least one value, got none");
        }
        return new FaceDescriptor(values.clone());
    }

    /** Wraps values the engine just computed (not copied). */
    static FaceDescriptor own(float[] values) {
        return new FaceDescriptor(values);
    }

    /** Returns a copy of the values. */
    public float[] values() {
        return values.clone();
    }

    /** Returns the number of values ({@value FaceEngine#DESCRIPTOR_SIZE} for the engine's descriptors). */
    public int size() {
        return values.length;
    }

    /**
     * Returns the Euclidean distance to another descriptor (dlib: the same person below about 0.6).
     *
     * @param other a descriptor of the same size
     * @return the distance, 0 or more
     * @throws IllegalArgumentException if the sizes differ
     */
    public double distance(FaceDescriptor other) {
        return distance(values, other.values);
    }

    /**
     * Returns how similar the two faces are, in percent: {@link FaceEngine#similarityForDistance} of their
     * {@link #distance}. 80 or more means the same person (Amazon Rekognition's default threshold).
     *
     * @param other a descriptor of the same size
     * @return the similarity 0-100
     * @throws IllegalArgumentException if the sizes differ
     */
    public double similarity(FaceDescriptor other) {
        return FaceEngine.similarityForDistance(distance(other));
    }

    static double distance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("descriptor lengths differ: " + a.length + " and " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Equal when the values are the same, bit for bit ({@link Arrays#equals(float[], float[])}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof FaceDescriptor other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** Returns {@code FaceDescriptor[128 values]}, without the values. */
    @Override
    public String toString() {
        return "FaceDescriptor[" + values.length + " values]";
    }
}
