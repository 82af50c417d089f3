package dev.rekoface.model;

import java.util.List;
import java.util.Objects;

/**
 * What an association or disassociation of faces with a user did.
 *
 * @param faceIds the faces associated (or disassociated)
 * @param refused the faces refused, with the reasons
 * @param userStatus the user's state afterwards
 */
public record AssociationResult(List<String> faceIds, List<FaceRefusal> refused, UserStatus userStatus) {
    /** Validates and copies. */
    public AssociationResult {
        faceIds = List.copyOf(Objects.requireNonNull(faceIds, "faceIds"));
        refused = List.copyOf(Objects.requireNonNull(refused, "refused"));
        Objects.requireNonNull(userStatus, "userStatus");
    }
}
