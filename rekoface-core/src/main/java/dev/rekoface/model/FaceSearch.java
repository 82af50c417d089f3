package dev.rekoface.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of searching a collection with the largest face of an image (SearchFacesByImage) or with a stored face
 * (SearchFaces).
 *
 * <p>When the image has no face, Rekognition answers with an error; rekoface answers with a search whose
 * {@link #searchedFace()} is empty and that has no matches.
 *
 * @param searchedFace the face searched for (its box, and confidence), empty when the image has no face
 * @param searchedFaceId the id of the stored face searched for, for SearchFaces
 * @param matches matching stored faces, best first
 * @param faceModelVersion the collection's face model version, empty when not sent
 */
public record FaceSearch(Optional<FaceDetails> searchedFace, Optional<String> searchedFaceId, List<FaceMatch> matches,
                         String faceModelVersion) {
    /** Validates and copies. */
    public FaceSearch {
        Objects.requireNonNull(searchedFace, "searchedFace");
        Objects.requireNonNull(searchedFaceId, "searchedFaceId");
        matches = List.copyOf(Objects.requireNonNull(matches, "matches"));
        Objects.requireNonNull(faceModelVersion, "faceModelVersion");
    }

    /** Returns the best match, if any. */
    public Optional<FaceMatch> bestMatch() {
        return matches.stream().findFirst();
    }
}
