package dev.rekoface.model;

import java.util.Objects;
import java.util.Set;

/**
 * A face that IndexFaces detected but did not store.
 *
 * @param reasons why (several may apply)
 * @param face the detected face
 */
public record UnindexedFace(Set<UnindexedReason> reasons, FaceDetails face) {
    /** Validates and copies. */
    public UnindexedFace {
        reasons = Set.copyOf(Objects.requireNonNull(reasons, "reasons"));
        Objects.requireNonNull(face, "face");
    }
}
