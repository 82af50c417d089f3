package dev.rekoface.engine;

import java.util.Locale;

/** The seven facial expressions the engine's expression network tells apart, in the order of its output. */
public enum Expression {
    /** No particular expression. */
    NEUTRAL,
    /** Happy. */
    HAPPY,
    /** Sad. */
    SAD,
    /** Angry. */
    ANGRY,
    /** Fearful. */
    FEARFUL,
    /** Disgusted. */
    DISGUSTED,
    /** Surprised. */
    SURPRISED;

    /** Returns the lower-case name face-api.js uses, e.g. {@code happy}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
