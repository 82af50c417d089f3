package dev.rekoface.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * One face found by {@link FaceEngine#detect}: where it is, in pixels of the upright image it was found in (the face
 * box, the eye centres, the nose tip and the mouth), how sure the detector is, the head pose and the box's
 * brightness and sharpness. Pass it back with the same image to {@link FaceEngine#describe(java.awt.image.BufferedImage,
 * EngineFace)} or {@link FaceEngine#expressions(java.awt.image.BufferedImage, EngineFace)}.
 *
 * <p>"Left" and "right" are as seen in the image: {@link #eyeLeft()} is the eye nearer the image's left edge (the
 * subject's right eye). Coordinates are continuous (see {@link PixelPoint}); divide by {@link #imageWidth()} and
 * {@link #imageHeight()} for ratios of the image.
 *
 * <p>Immutable and thread-safe; equal when every component is.
 *
 * @param box the face box in pixels, clipped to the image: BlazeFace's square of side {@code s} widened to brow and
 *     chin (width 0.96 s, top 0.22 s above the square's, height 1.24 s), close to the boxes Amazon Rekognition draws
 * @param score the detector's best score for this face, 0 to 1 (faces are kept from 0.8)
 * @param eyeLeft the centre of the image-left eye (the subject's right eye), in pixels
 * @param eyeRight the centre of the image-right eye, in pixels
 * @param nose the nose tip, in pixels
 * @param mouth the mouth centre, in pixels
 * @param pose the head pose estimated from the eyes, nose and mouth
 * @param quality the brightness and sharpness of the face box
 * @param imageWidth the width in pixels of the upright image the face was found in
 * @param imageHeight its height in pixels
 */
public record EngineFace(PixelBox box, double score, PixelPoint eyeLeft, PixelPoint eyeRight, PixelPoint nose,
                         PixelPoint mouth, FacePose pose, FaceQuality quality, int imageWidth, int imageHeight) {
    /**
     * Creates a face (the engine does; a caller may, to describe a face found by other means).
     *
     * @throws NullPointerException if a point, the box, the pose or the quality is null
     * @throws IllegalArgumentException if the image size is not positive
     */
    public EngineFace {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(eyeLeft, "eyeLeft");
        Objects.requireNonNull(eyeRight, "eyeRight");
        Objects.requireNonNull(nose, "nose");
        Objects.requireNonNull(mouth, "mouth");
        Objects.requireNonNull(pose, "pose");
        Objects.requireNonNull(quality, "quality");
        if (imageWidth < 1 || imageHeight < 1) {
            throw new IllegalArgumentException("image size must be positive, was " + imageWidth + "x" + imageHeight);
        }
    }

    /**
     * Returns the image-left mouth corner, in pixels: not a detected point but placed from the mouth centre, 0.4 times
     * the eye distance along the eye line.
     */
    public PixelPoint mouthLeft() {
        return FaceGeometry.mouthCorner(eyeLeft, eyeRight, mouth, -1);
    }

    /** Returns the image-right mouth corner, placed like {@link #mouthLeft()}. */
    public PixelPoint mouthRight() {
        return FaceGeometry.mouthCorner(eyeLeft, eyeRight, mouth, +1);
    }

    /** Returns e.g. {@code EngineFace[score 0.941, box 145x187+239+40 of 1126x661]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EngineFace[score %.3f, box %.0fx%.0f+%.0f+%.0f of %dx%d]", score,
            box.width(), box.height(), box.left(), box.top(), imageWidth, imageHeight);
    }
}
