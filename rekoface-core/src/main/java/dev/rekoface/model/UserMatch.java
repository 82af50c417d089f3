package dev.rekoface.model;

import java.util.Objects;

/**
 * A user that matched a search.
 *
 * @param personId the person, decoded from the UserId
 * @param userId the UserId exactly as stored
 * @param similarity percent 0-100
 * @param status the user's state
 */
public record UserMatch(String personId, String userId, double similarity, UserStatus status) {
    /** Validates the fields. */
    public UserMatch {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(userId, "userId");
        Percentages.requirePercent("similarity", similarity);
        Objects.requireNonNull(status, "status");
    }
}
