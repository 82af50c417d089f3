package dev.rekoface.model;

import java.util.Objects;

/**
 * One facial landmark.
 *
 * @param type the landmark type, {@link LandmarkType#UNKNOWN} for a type this version does not know
 * @param rawType the string the service sent, e.g. {@code "eyeLeft"}
 * @param position the position as ratios of the displayed image (may be below 0 or above 1)
 */
public record Landmark(LandmarkType type, String rawType, Point position) {
    /** Validates the fields. */
    public Landmark {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rawType, "rawType");
        Objects.requireNonNull(position, "position");
    }

    /**
     * Creates a landmark of a known type.
     *
     * @param type the type
     * @param x ratio of the image width
     * @param y ratio of the image height
     * @return the landmark
     */
    public static Landmark of(LandmarkType type, double x, double y) {
        return new Landmark(type, type.wireName(), new Point(x, y));
    }
}
