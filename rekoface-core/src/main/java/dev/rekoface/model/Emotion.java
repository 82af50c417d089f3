package dev.rekoface.model;

import java.util.Objects;

/**
 * One emotion of a face with the service's confidence that the face shows it.
 *
 * @param type the emotion, {@link EmotionType#UNKNOWN} for a value this version does not know
 * @param rawType the string the service sent, e.g. {@code "CALM"}
 * @param confidence percent 0-100
 */
public record Emotion(EmotionType type, String rawType, double confidence) {
    /** Validates the fields. */
    public Emotion {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rawType, "rawType");
        Percentages.requirePercent("confidence", confidence);
    }

    /**
     * Creates an emotion of a known type.
     *
     * @param type the emotion
     * @param confidence percent 0-100
     * @return the emotion
     */
    public static Emotion of(EmotionType type, double confidence) {
        return new Emotion(type, type.name(), confidence);
    }
}
