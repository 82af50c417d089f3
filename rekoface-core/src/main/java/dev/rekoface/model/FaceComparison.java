package dev.rekoface.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The result of comparing the largest face of a source image with the faces of a target image (CompareFaces).
 *
 * <p>When the source image has no face, Rekognition answers with an error; rekoface answers with a comparison whose
 * {@link #sourceFace()} is empty and that has no matches, so "no face" is an answer, as it is for DetectFaces.
 * Matches are sorted by similarity, best first. Immutable and thread-safe.
 */
@Value.Immutable
@ImmutablesStyle
public interface FaceComparison {

    /** Returns the source image's largest face, the one that was compared; empty if the source has no face. */
    Optional<FaceDetails> sourceFace();

    /** Returns the target faces whose similarity reached the threshold, best first. */
    List<Match> matches();

    /** Returns the target faces that did not reach the threshold. */
    List<FaceDetails> unmatchedFaces();

    /** Returns the best match, if any. */
    default Optional<Match> bestMatch() {
        return matches().stream().findFirst();
    }

    /** Returns true if at least one target face matched. */
    default boolean hasMatch() {
        return !matches().isEmpty();
    }

    /** Returns a new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FaceComparison}. */
    final class Builder extends ImmutableFaceComparison.Builder {
    }
}
