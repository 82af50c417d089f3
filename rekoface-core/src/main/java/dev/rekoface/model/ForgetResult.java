package dev.rekoface.model;

import java.util.List;
import java.util.Objects;

/**
 * What forgetting a person erased.
 *
 * @param personId the person
 * @param deletedFaceIds the face ids deleted
 * @param userDeleted whether a user vector with that person's id was deleted
 */
public record ForgetResult(String personId, List<String> deletedFaceIds, boolean userDeleted) {
    /** Validates and copies. */
    public ForgetResult {
        Objects.requireNonNull(personId, "personId");
        deletedFaceIds = List.copyOf(Objects.requireNonNull(deletedFaceIds, "deletedFaceIds"));
    }

    /** Returns true if anything was erased. */
    public boolean erasedAnything() {
        return !deletedFaceIds.isEmpty() || userDeleted;
    }
}
