package dev.rekoface.model;

/** Why {@code recognizeAll} did not search a face it detected in a photo. */
public enum UnsearchedReason {
    /**
     * The face is smaller than {@link FaceRecognition#MIN_FACE_PIXELS} pixels on its shorter side: too small to be
     * recognised reliably, so it was not searched.
     */
    TOO_SMALL,
    /**
     * The face was searched, but the service found no face in its crop (typically a blurred, dark, turned-away or
     * partly hidden face that DetectFaces reports in the whole photo but SearchFacesByImage cannot use).
     */
    NO_FACE_IN_CROP
}
