package dev.rekoface.model;

/**
 * The gender value Rekognition predicts from a face's appearance ({@code Male} or {@code Female}); it is not a
 * statement of a person's gender identity. {@link #UNKNOWN} for any other value.
 */
public enum GenderType {
    MALE("Male"), FEMALE("Female"), UNKNOWN("Unknown");

    private final String wireName;

    GenderType(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the service's spelling, e.g. {@code "Male"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Maps the service's string to a constant, never throwing.
     *
     * @param raw the string from the response, may be null
     * @return the constant, or {@link #UNKNOWN}
     */
    public static GenderType fromWire(String raw) {
        for (GenderType g : values()) {
            if (g != UNKNOWN && g.wireName.equalsIgnoreCase(raw == null ? "" : raw.trim())) {
                return g;
            }
        }
        return UNKNOWN;
    }
}
