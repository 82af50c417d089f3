package dev.rekoface.model;

/** Why IndexFaces did not store a face it detected; {@link #UNKNOWN} for a reason this version does not know. */
public enum UnindexedReason {
    EXCEEDS_MAX_FACES, EXTREME_POSE, LOW_BRIGHTNESS, LOW_SHARPNESS, LOW_CONFIDENCE, SMALL_BOUNDING_BOX,
    LOW_FACE_QUALITY, UNKNOWN;

    /**
     * Maps the service's string, never throwing.
     *
     * @param raw the string
     * @return the constant, or {@link #UNKNOWN}
     */
    public static UnindexedReason fromWire(String raw) {
        try {
            return raw == null ? UNKNOWN : valueOf(raw);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
