package dev.rekoface.model;

import dev.rekoface.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A percentage threshold 0-100 (similarity, face match, user match or label confidence), as Rekognition expects it.
 *
 * <p>Rekognition's thresholds are percentages. A value such as {@code 0.7} is almost always a 0-1 habit from another
 * library, and to the service it means 0.7 %: it matches nearly everything. So values above 0 and at most 1 are
 * refused with a message that names the likely intent:
 *
 * <pre>{@code
 * Threshold.of("similarity threshold", 0.7)
 * // InvalidArgumentException: similarity threshold 0.7 is on a 0-1 scale; Rekognition uses percentages 0-100
 * // (did you mean 70?)
 * }</pre>
 *
 * <p>Use {@link #exactly(double)} for the rare real threshold of 1 % or less. Immutable and thread-safe.
 */
public final class Threshold implements Comparable<Threshold> {
    /** CompareFaces' and the face searches' default, 80 %. */
    public static final Threshold DEFAULT_SIMILARITY = new Threshold(80);
    /** The default user-match threshold of AssociateFaces, 75 %. */
    public static final Threshold DEFAULT_USER_ASSOCIATION = new Threshold(75);
    /** The default user-match threshold of SearchUsers and SearchUsersByImage, 80 %. */
    public static final Threshold DEFAULT_USER_SEARCH = new Threshold(80);
    /** DetectLabels' default minimum confidence, 55 %. */
    public static final Threshold DEFAULT_LABEL_CONFIDENCE = new Threshold(55);

    private final double percent;

    private Threshold(double percent) {
        this.percent = percent;
    }

    /**
     * Creates a threshold named "threshold" in error messages.
     *
     * @param percent 0-100
     * @return the threshold
     * @throws InvalidArgumentException outside 0-100, or in (0, 1] (a 0-1 habit)
     */
    public static Threshold percent(double percent) {
        return of("threshold", percent);
    }

    /**
     * Creates a threshold, naming the parameter in error messages.
     *
     * @param parameter the parameter's name, e.g. {@code "similarity threshold"}
     * @param percent 0-100
     * @return the threshold
     * @throws InvalidArgumentException outside 0-100, or in (0, 1] (a 0-1 habit)
     */
    public static Threshold of(String parameter, double percent) {
        Objects.requireNonNull(parameter, "parameter");
        checkRange(parameter, percent);
        if (percent > 0 && percent <= 1) {
            throw new InvalidArgumentException(parameter, parameter + " " + format(percent)
                + " is on a 0-1 scale; Rekognition uses percentages 0-100 (did you mean " + BigDecimal.valueOf(percent).movePointRight(2).stripTrailingZeros().toPlainString() + "?)");
        }
        return new Threshold(percent);
    }

    /**
     * Creates a threshold without the 0-1 check, for a deliberate threshold of 1 % or less.
     *
     * @param percent 0-100
     * @return the threshold
     * @throws InvalidArgumentException outside 0-100
     */
    public static Threshold exactly(double percent) {
        checkRange("threshold", percent);
        return new Threshold(percent);
    }

    private static void checkRange(String parameter, double percent) {
        if (Double.isNaN(percent) || percent < 0 || percent > 100) {
            throw new InvalidArgumentException(parameter, parameter + " " + format(percent)
                + " is out of range; Rekognition uses percentages 0-100");
        }
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Returns the threshold in percent, 0-100. */
    public double percent() {
        return percent;
    }

    /** Returns the threshold as a float, the SDK's type. */
    public float asFloat() {
        return (float) percent;
    }

    /**
     * Tells whether a similarity or confidence passes this threshold (is at least the threshold).
     *
     * @param value a percentage
     * @return {@code value >= percent()}
     */
    public boolean accepts(double value) {
        return value >= percent;
    }

    @Override
    public int compareTo(Threshold o) {
        return Double.compare(percent, o.percent);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Threshold t && Double.compare(t.percent, percent) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(percent);
    }

    @Override
    public String toString() {
        return format(percent) + "%";
    }
}
