package dev.rekoface.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The 30 facial landmark types Rekognition reports, plus {@link #UNKNOWN} for any type this version does not know.
 *
 * <p>As in Rekognition, "left" and "right" are as seen in the image: {@link #EYE_LEFT} is the eye with the smaller x
 * (the subject's right eye).
 */
public enum LandmarkType {
    EYE_LEFT("eyeLeft"),
    EYE_RIGHT("eyeRight"),
    NOSE("nose"),
    MOUTH_LEFT("mouthLeft"),
    MOUTH_RIGHT("mouthRight"),
    LEFT_EYEBROW_LEFT("leftEyeBrowLeft"),
    LEFT_EYEBROW_RIGHT("leftEyeBrowRight"),
    LEFT_EYEBROW_UP("leftEyeBrowUp"),
    RIGHT_EYEBROW_LEFT("rightEyeBrowLeft"),
    RIGHT_EYEBROW_RIGHT("rightEyeBrowRight"),
    RIGHT_EYEBROW_UP("rightEyeBrowUp"),
    LEFT_EYE_LEFT("leftEyeLeft"),
    LEFT_EYE_RIGHT("leftEyeRight"),
    LEFT_EYE_UP("leftEyeUp"),
    LEFT_EYE_DOWN("leftEyeDown"),
    RIGHT_EYE_LEFT("rightEyeLeft"),
    RIGHT_EYE_RIGHT("rightEyeRight"),
    RIGHT_EYE_UP("rightEyeUp"),
    RIGHT_EYE_DOWN("rightEyeDown"),
    NOSE_LEFT("noseLeft"),
    NOSE_RIGHT("noseRight"),
    MOUTH_UP("mouthUp"),
    MOUTH_DOWN("mouthDown"),
    LEFT_PUPIL("leftPupil"),
    RIGHT_PUPIL("rightPupil"),
    UPPER_JAWLINE_LEFT("upperJawlineLeft"),
    MID_JAWLINE_LEFT("midJawlineLeft"),
    CHIN_BOTTOM("chinBottom"),
    MID_JAWLINE_RIGHT("midJawlineRight"),
    UPPER_JAWLINE_RIGHT("upperJawlineRight"),
    UNKNOWN("unknown");

    private static final Map<String, LandmarkType> BY_WIRE_NAME = new HashMap<>();

    static {
        for (LandmarkType t : values()) {
            if (t != UNKNOWN) {
                BY_WIRE_NAME.put(t.wireName, t);
            }
        }
    }

    private final String wireName;

    LandmarkType(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the service's spelling, e.g. {@code "eyeLeft"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Maps the service's string to a constant, never throwing.
     *
     * @param raw the string from the response, may be null
     * @return the constant, or {@link #UNKNOWN}
     */
    public static LandmarkType fromWire(String raw) {
        return raw == null ? UNKNOWN : BY_WIRE_NAME.getOrDefault(raw, UNKNOWN);
    }

    /** Returns true for the five landmarks every Rekognition face has (eyes, nose, mouth corners). */
    public boolean isMain() {
        return ordinal() <= MOUTH_RIGHT.ordinal();
    }
}
