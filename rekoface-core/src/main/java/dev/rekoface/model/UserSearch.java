package dev.rekoface.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of searching the users of a collection. An image without a face gives an empty search (as the service
 * does for SearchUsersByImage).
 *
 * @param searchedFace the face of the image that was searched for, for searches by image
 * @param matches matching users, best first
 * @param unsearchedFaces other faces of the image that were not searched for
 */
public record UserSearch(Optional<FaceDetails> searchedFace, List<UserMatch> matches, List<FaceDetails> unsearchedFaces) {
    /** Validates and copies. */
    public UserSearch {
        Objects.requireNonNull(searchedFace, "searchedFace");
        matches = List.copyOf(Objects.requireNonNull(matches, "matches"));
        unsearchedFaces = List.copyOf(Objects.requireNonNull(unsearchedFaces, "unsearchedFaces"));
    }

    /** Returns the best match, if any. */
    public Optional<UserMatch> bestMatch() {
        return matches.stream().findFirst();
    }
}
