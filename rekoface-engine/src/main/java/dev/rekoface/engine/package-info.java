/**
 * A pure-Java local face engine: face detection (MediaPipe BlazeFace, TensorFlow Lite models run by a small Java
 * interpreter), 128-d face descriptors (dlib's ResNet via face-api.js weights) and expressions (face-api.js), with no
 * native code and no network access.
 *
 * <p>Start with {@link dev.rekoface.testkit.engine.FaceEngine#load()}; plug it into the local Rekognition with
 * {@link dev.rekoface.testkit.engine.EngineFaceSource}. Model provenance and licences: {@code NOTICE-models.md} in
 * this module and on the classpath under {@code dev/rekoface/testkit/engine/models/}.
 */
package dev.rekoface.engine;
