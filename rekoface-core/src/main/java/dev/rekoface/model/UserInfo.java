package dev.rekoface.model;

import java.util.Objects;

/**
 * A user vector of a collection: one person, searchable by the faces associated with them.
 *
 * @param personId the person, decoded from the UserId
 * @param userId the UserId exactly as stored
 * @param status its state
 */
public record UserInfo(String personId, String userId, UserStatus status) {
    /** Validates the fields. */
    public UserInfo {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
    }
}
