package dev.rekoface.engine;

import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.ImageSize;
import dev.rekoface.model.Point;
import java.util.Objects;

/**
 * One face found by {@link FaceEngine#detect}: its Rekognition-style {@link FaceDetails} (box, confidence, the five
 * main landmarks, pose and quality, bound to the image size; no emotions or other attributes) plus the detector
 * geometry in pixels of the upright image that the descriptor and expression networks align on.
 *
 * <p>Pixel coordinates are continuous: pixel {@code (i, j)} covers {@code [i, i+1) x [j, j+1)}, so a ratio times the
 * image size gives the pixel coordinate. Immutable and thread-safe.
 */
public final class EngineFace {
    private final FaceDetails details;
    private final double score;
    private final Point eyeLeft;
    private final Point eyeRight;
    private final Point nose;
    private final Point mouth;

    EngineFace(FaceDetails details, double score, Point eyeLeft, Point eyeRight, Point nose, Point mouth) {
        this.details = Objects.requireNonNull(details, "details");
        this.score = score;
        this.eyeLeft = eyeLeft;
        this.eyeRight = eyeRight;
        this.nose = nose;
        this.mouth = mouth;
    }

    /** Returns the face as Rekognition describes it, in ratios of the displayed image, with the image size set. */
    public FaceDetails details() {
        return details;
    }

    /** Returns BlazeFace's best score for this face, 0..1 (the details' confidence is 100 times this). */
    public double score() {
        return score;
    }

    /** Returns the centre of the image-left eye (the subject's right eye), in pixels. */
    public Point eyeLeft() {
        return eyeLeft;
    }

    /** Returns the centre of the image-right eye, in pixels. */
    public Point eyeRight() {
        return eyeRight;
    }

    /** Returns the nose tip, in pixels. */
    public Point nose() {
        return nose;
    }

    /** Returns the mouth centre, in pixels. */
    public Point mouth() {
        return mouth;
    }

    /** Returns the displayed size of the image the face was found in. */
    public ImageSize imageSize() {
        return details.imageSize().orElseThrow();
    }

    @Override
    public String toString() {
        return "EngineFace[score " + Math.round(score * 1000) / 1000.0 + ", " + details.boundingBox() + "]";
    }
}
