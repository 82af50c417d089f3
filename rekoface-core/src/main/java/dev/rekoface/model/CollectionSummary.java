package dev.rekoface.model;

import java.util.Objects;

/**
 * One collection as ListCollections reports it.
 *
 * @param id the collection id
 * @param faceModelVersion its face model version, empty when the service did not send it
 */
public record CollectionSummary(String id, String faceModelVersion) {
    /** Validates the fields. */
    public CollectionSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(faceModelVersion, "faceModelVersion");
    }
}
