package dev.rekoface.model;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A face an association, disassociation or deletion refused, with the service's reasons.
 *
 * @param faceId the face id
 * @param reasons why
 * @param confidence the match confidence, for LOW_MATCH_CONFIDENCE
 */
public record FaceRefusal(String faceId, Set<Reason> reasons, OptionalDouble confidence) {
    /** Why a face was refused; {@link #UNKNOWN} for a reason this version does not know. */
    public enum Reason {
        FACE_NOT_FOUND, ASSOCIATED_TO_A_DIFFERENT_USER, LOW_MATCH_CONFIDENCE,
        /** DeleteFaces only: the face belongs to a user and must be disassociated first. */
        ASSOCIATED_TO_AN_EXISTING_USER, UNKNOWN;

        /**
         * Maps the service's string, never throwing.
         *
         * @param raw the string
         * @return the constant, or {@link #UNKNOWN}
         */
        public static Reason fromWire(String raw) {
            try {
                return raw == null ? UNKNOWN : valueOf(raw);
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }
    }

    /** Validates and copies. */
    public FaceRefusal {
        Objects.requireNonNull(faceId, "faceId");
        reasons = Set.copyOf(Objects.requireNonNull(reasons, "reasons"));
        Objects.requireNonNull(confidence, "confidence");
    }
}
