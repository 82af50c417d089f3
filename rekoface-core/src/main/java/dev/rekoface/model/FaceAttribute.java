package dev.rekoface.model;

/** One facial attribute that DetectFaces and IndexFaces can be asked to return beyond the default set. */
public enum FaceAttribute {
    AGE_RANGE, BEARD, EMOTIONS, EYE_DIRECTION, EYEGLASSES, EYES_OPEN, GENDER, MOUTH_OPEN, MUSTACHE, FACE_OCCLUDED,
    SMILE, SUNGLASSES
}
