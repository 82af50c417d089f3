package dev.rekoface.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What DescribeCollection tells about a collection.
 *
 * @param id the collection id
 * @param arn the collection's ARN, when the service sent it
 * @param faceCount the number of faces indexed
 * @param userCount the number of users
 * @param faceModelVersion the face model version the collection was created with (it keeps it for life)
 * @param creationTime when it was created, when the service sent it
 */
public record CollectionInfo(String id, Optional<String> arn, long faceCount, long userCount, String faceModelVersion,
                             Optional<Instant> creationTime) {
    /** Validates the fields. */
    public CollectionInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(faceModelVersion, "faceModelVersion");
        Objects.requireNonNull(creationTime, "creationTime");
    }
}
