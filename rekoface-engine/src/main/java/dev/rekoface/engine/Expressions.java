package dev.rekoface.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * The expression network's probabilities for one face: one value 0-1 per {@link Expression}, summing to 1.
 *
 * <pre>{@code
 * Expressions e = engine.expressions(photo, face);
 * if (e.dominant() == Expression.HAPPY && e.probability(Expression.HAPPY) > 0.8) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Expressions {
    private static final Expression[] ALL = Expression.values();

    private final float[] probabilities;

    private Expressions(float[] probabilities) {
        this.probabilities = probabilities;
    }

    /**
     * Wraps seven probabilities in the order of {@link Expression#values()}.
     *
     * @param probabilities the values (copied)
     * @return the expressions
     * @throws IllegalArgumentException if there are not exactly seven values
     */
    public static Expressions of(float[] probabilities) {
        Objects.requireNonNull(probabilities, "probabilities");
        if (probabilities.length != ALL.length) {
            throw new IllegalArgumentException("expected " + ALL.length + " expression values, got " + probabilities.length);
        }
        return new Expressions(probabilities.clone());
    }

    /** Wraps values the engine just computed (not copied). */
    static Expressions own(float[] probabilities) {
        return new Expressions(probabilities);
    }

    /**
     * Returns the probability of one expression.
     *
     * @param expression the expression
     * @return 0 to 1
     */
    public float probability(Expression expression) {
        return probabilities[expression.ordinal()];
    }

    /** Returns the most probable expression (the first of equals, in {@link Expression} order). */
    public Expression dominant() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return ALL[best];
    }

    /** Returns a copy of the seven probabilities, in the order of {@link Expression#values()}. */
    public float[] values() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expressions other && java.util.Arrays.equals(probabilities, other.probabilities);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(probabilities);
    }

    /** Returns e.g. {@code Expressions[neutral 0.050, happy 0.600, ...]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Expressions[");
        for (int i = 0; i < ALL.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(ALL[i].label()).append(' ')
                .append(String.format(Locale.ROOT, "%.3f", probabilities[i]));
        }
        return sb.append(']').toString();
    }
}
