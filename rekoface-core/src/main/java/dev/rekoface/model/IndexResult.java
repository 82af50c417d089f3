package dev.rekoface.model;

import java.util.List;
import java.util.Objects;

/**
 * What an index call stored and what it left out.
 *
 * @param indexed the faces stored, each with its face id and details
 * @param unindexed the faces detected but not stored, with the reasons
 * @param faceModelVersion the collection's face model version
 */
public record IndexResult(List<IndexedFace> indexed, List<UnindexedFace> unindexed, String faceModelVersion) {
    /** Validates and copies. */
    public IndexResult {
        indexed = List.copyOf(Objects.requireNonNull(indexed, "indexed"));
        unindexed = List.copyOf(Objects.requireNonNull(unindexed, "unindexed"));
        Objects.requireNonNull(faceModelVersion, "faceModelVersion");
    }

    /** Returns true if at least one face was stored. */
    public boolean anyIndexed() {
        return !indexed.isEmpty();
    }
}
