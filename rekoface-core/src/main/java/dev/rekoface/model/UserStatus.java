package dev.rekoface.model;

/** The state of a user vector; {@link #UNKNOWN} for a state this version does not know. */
public enum UserStatus {
    ACTIVE, UPDATING, CREATING, CREATED, UNKNOWN;

    /**
     * Maps the service's string, never throwing.
     *
     * @param raw the string
     * @return the constant, or {@link #UNKNOWN}
     */
    public static UserStatus fromWire(String raw) {
        try {
            return raw == null ? UNKNOWN : valueOf(raw);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
