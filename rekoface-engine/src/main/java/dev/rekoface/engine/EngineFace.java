package dev.rekoface.engine;

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
 * <p>Immutable and thread-safe.
 */
public final class EngineFace {
    private final PixelBox box;
    private final double score;
    private final PixelPoint eyeLeft;
    private final PixelPoint eyeRight;
    private final PixelPoint nose;
    private final PixelPoint mouth;
    private final PixelPoint mouthLeft;
    private final PixelPoint mouthRight;
    private final FacePose pose;
    private final FaceQuality quality;
    private final int imageWidth;
    private final int imageHeight;

    EngineFace(PixelBox box, double score, PixelPoint eyeLeft, PixelPoint eyeRight, PixelPoint nose, PixelPoint mouth,
               FacePose pose, FaceQuality quality, int imageWidth, int imageHeight) {
        this.box = Objects.requireNonNull(box, "box");
        this.score = score;
        this.eyeLeft = Objects.requireNonNull(eyeLeft, "eyeLeft");
        this.eyeRight = Objects.requireNonNull(eyeRight, "eyeRight");
        this.nose = Objects.requireNonNull(nose, "nose");
        this.mouth = Objects.requireNonNull(mouth, "mouth");
        this.mouthLeft = FaceGeometry.mouthCorner(eyeLeft, eyeRight, mouth, -1);
        this.mouthRight = FaceGeometry.mouthCorner(eyeLeft, eyeRight, mouth, +1);
        this.pose = Objects.requireNonNull(pose, "pose");
        this.quality = Objects.requireNonNull(quality, "quality");
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
    }

    /**
     * Returns the face box in pixels, clipped to the image: BlazeFace's square of side {@code s} widened to brow and
     * chin (width 0.96 s, top 0.22 s above the square's, height 1.24 s), close to the boxes Amazon Rekognition draws.
     */
    public PixelBox box() {
        return box;
    }

    /** Returns the detector's best score for this face, 0 to 1 (faces are kept from 0.8). */
    public double score() {
        return score;
    }

    /** Returns the centre of the image-left eye (the subject's right eye), in pixels. */
    public PixelPoint eyeLeft() {
        return eyeLeft;
    }

    /** Returns the centre of the image-right eye, in pixels. */
    public PixelPoint eyeRight() {
        return eyeRight;
    }

    /** Returns the nose tip, in pixels. */
    public PixelPoint nose() {
        return nose;
    }

    /** Returns the mouth centre, in pixels. */
    public PixelPoint mouth() {
        return mouth;
    }

    /**
     * Returns the image-left mouth corner, in pixels: not a detected point but placed from the mouth centre, 0.4 times
     * the eye distance along the eye line.
     */
    public PixelPoint mouthLeft() {
        return mouthLeft;
    }

    /** Returns the image-right mouth corner, placed like {@link #mouthLeft()}. */
    public PixelPoint mouthRight() {
        return mouthRight;
    }

    /** Returns the head pose estimated from the eyes, nose and mouth. */
    public FacePose pose() {
        return pose;
    }

    /** Returns the brightness and sharpness of the face box. */
    public FaceQuality quality() {
        return quality;
    }

    /** Returns the width in pixels of the upright image the face was found in. */
    public int imageWidth() {
        return imageWidth;
    }

    /** Returns the height in pixels of the upright image the face was found in. */
    public int imageHeight() {
        return imageHeight;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "EngineFace[score %.3f, box %.0fx%.0f+%.0f+%.0f of %dx%d]", score,
            box.width(), box.height(), box.left(), box.top(), imageWidth, imageHeight);
    }
}
