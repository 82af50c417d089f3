package dev.rekoface.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One face found by DetectFaces, CompareFaces, IndexFaces or a search.
 *
 * <p>The default attribute set ({@link FaceAttributes#DEFAULT}) returns only the box, confidence, landmarks, pose and
 * quality; age, gender, emotions, smile and the other attributes are empty {@link Optional}s unless they were asked
 * for ({@link FaceAttributes#ALL}). Faces inside CompareFaces results carry fewer fields still.
 *
 * <p>Geometry is in the service's ratios ({@link #boundingBox()}, {@link #landmarks()}); when the displayed size of
 * the image is known ({@link #imageSize()}, set for local images), {@link #pixelBox()} and
 * {@link #pixelLandmark(LandmarkType)} give pixels of the upright image. Immutable and thread-safe.
 */
@Value.Immutable
@ImmutablesStyle
public interface FaceDetails {

    /** Returns the face's box as ratios of the displayed image (may extend past the border). */
    BoundingBox boundingBox();

    /** Returns the confidence, percent 0-100, that this is a face. */
    OptionalDouble confidence();

    /** Returns the estimated age range, when requested. */
    Optional<AgeRange> ageRange();

    /** Returns the predicted gender, when requested. */
    Optional<Gender> gender();

    /** Returns whether the face smiles, when requested. */
    Optional<BooleanAttribute> smile();

    /** Returns whether the face wears eyeglasses, when requested. */
    Optional<BooleanAttribute> eyeglasses();

    /** Returns whether the face wears sunglasses, when requested. */
    Optional<BooleanAttribute> sunglasses();

    /** Returns whether the face has a beard, when requested. */
    Optional<BooleanAttribute> beard();

    /** Returns whether the face has a mustache, when requested. */
    Optional<BooleanAttribute> mustache();

    /** Returns whether the eyes are open, when requested. */
    Optional<BooleanAttribute> eyesOpen();

    /** Returns whether the mouth is open, when requested. */
    Optional<BooleanAttribute> mouthOpen();

    /** Returns whether the face is partly hidden (by a hand, a mask, ...), when requested. */
    Optional<BooleanAttribute> faceOccluded();

    /** Returns where the eyes look, when requested. */
    Optional<EyeDirection> eyeDirection();

    /** Returns the emotions with their confidences, empty unless requested. */
    List<Emotion> emotions();

    /** Returns the landmarks in the order the service sent them (the five main ones by default, 30 with ALL). */
    List<Landmark> landmarks();

    /** Returns the head pose. */
    Optional<Pose> pose();

    /** Returns brightness and sharpness of the face region. */
    Optional<Quality> quality();

    /** Returns the displayed size (after EXIF orientation) of the image this face was found in, when known. */
    Optional<ImageSize> imageSize();

    /** Returns the emotion with the highest confidence, if emotions were requested. */
    default Optional<Emotion> dominantEmotion() {
        return emotions().stream().max(Comparator.comparingDouble(Emotion::confidence));
    }

    /**
     * Returns the first landmark of a type.
     *
     * @param type the landmark type
     * @return the landmark, or empty if the service did not send it
     */
    default Optional<Landmark> landmark(LandmarkType type) {
        return landmarks().stream().filter(l -> l.type() == type).findFirst();
    }

    /** Returns the box in pixels of the displayed image, when the image size is known. */
    default Optional<PixelBox> pixelBox() {
        return imageSize().map(size -> boundingBox().toPixels(size));
    }

    /**
     * Returns a landmark's position in pixels of the displayed image.
     *
     * @param type the landmark type
     * @return the position, or empty if the landmark or the image size is unknown
     */
    default Optional<Point> pixelLandmark(LandmarkType type) {
        return imageSize().flatMap(size -> landmark(type).map(l -> l.position().toPixels(size)));
    }

    /**
     * Returns a copy of this face bound to an image size, so that the pixel accessors work.
     *
     * @param size the displayed image size
     * @return the copy
     */
    default FaceDetails withImageSize(ImageSize size) {
        return builder().from(this).imageSize(size).build();
    }

    /** Returns a new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FaceDetails}; {@code boundingBox} is required. */
    final class Builder extends ImmutableFaceDetails.Builder {
    }
}
