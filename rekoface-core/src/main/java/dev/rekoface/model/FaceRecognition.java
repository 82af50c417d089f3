package dev.rekoface.model;

import dev.rekoface.InvalidArgumentException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One face of a photo and who it is: an element of {@code FaceCollection.recognizeAll}'s answer.
 *
 * <p>The face's box is reported as the service's ratios ({@link #box()}) and in pixels of the upright photo
 * ({@link #pixelBox()}). A face that was searched and matched has a {@link #match()}; a face that was searched and
 * matched nobody at the threshold has neither a match nor a reason (an unknown person); a face that could not be
 * searched has an {@link #unsearchedReason()}. Immutable and thread-safe.
 */
@Value.Immutable
@ImmutablesStyle
public interface FaceRecognition {

    /** Faces smaller than this on their shorter side, in pixels of the photo, are not searched: 20. */
    int MIN_FACE_PIXELS = 20;

    /** Returns the face as DetectFaces found it in the whole photo (box, confidence, landmarks, pose, quality). */
    FaceDetails face();

    /** Returns the face's box in pixels of the upright photo (of its original size when it was downscaled to fit). */
    PixelBox pixelBox();

    /**
     * Returns the best-matching person, when the face was searched and someone matched at the threshold. Its
     * {@link Recognition#searchedFace()} is the face as found in the crop that was searched, in the crop's ratios.
     */
    Optional<Recognition> match();

    /** Returns why the face was not searched, or found no face in its crop; empty when it was searched. */
    Optional<UnsearchedReason> unsearchedReason();

    /** Returns the face's box as ratios of the photo, as Rekognition reports it. */
    default BoundingBox box() {
        return face().boundingBox();
    }

    /** Returns the matched person's id, empty for an unknown or unsearched face. */
    default Optional<String> personId() {
        return match().flatMap(Recognition::personId);
    }

    /** Returns the similarity of the match, percent 0-100, empty without a match. */
    default Optional<Double> similarity() {
        return match().map(Recognition::similarity);
    }

    /** Returns true if the face was searched and matched nobody: a person not in the collection. */
    default boolean isUnknown() {
        return match().isEmpty() && unsearchedReason().isEmpty();
    }

    /** Rejects a face that both matched and was not searched. */
    @Value.Check
    default void check() {
        if (match().isPresent() && unsearchedReason().isPresent()) {
            throw new InvalidArgumentException("face recognition",
                "a face cannot both match and be unsearched (" + unsearchedReason().get() + ")");
        }
    }

    /** Returns a new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FaceRecognition}. */
    final class Builder extends ImmutableFaceRecognition.Builder {
    }
}
