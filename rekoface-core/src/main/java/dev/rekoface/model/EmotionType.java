package dev.rekoface.model;

import java.util.Locale;

/**
 * An emotion Rekognition can report. {@link #UNKNOWN} stands both for the service's own {@code UNKNOWN} and for any
 * value this version of rekoface does not know; {@link Emotion#rawType()} keeps the string the service sent.
 */
public enum EmotionType {
    HAPPY, SAD, ANGRY, CONFUSED, DISGUSTED, SURPRISED, CALM, FEAR, UNKNOWN;

    /**
     * Maps the service's string to a constant, never throwing.
     *
     * @param raw the string from the response, may be null
     * @return the constant, or {@link #UNKNOWN}
     */
    public static EmotionType fromWire(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
