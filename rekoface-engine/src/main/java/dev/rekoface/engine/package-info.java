/**
 * A pure-Java local face engine: face detection (MediaPipe BlazeFace, TensorFlow Lite models run by a small Java
 * interpreter), 128-d face descriptors (dlib's ResNet via face-api.js weights) and expressions (face-api.js), with no
 * native code, no network access and no dependency on the rest of rekoface or on AWS.
 *
 * <p>Start with {@link dev.rekoface.engine.FaceEngine#load()}: {@link dev.rekoface.engine.FaceEngine#detect} gives
 * {@link dev.rekoface.engine.EngineFace}s, {@link dev.rekoface.engine.FaceEngine#describe} their
 * {@link dev.rekoface.engine.FaceDescriptor}s, which compare with
 * {@link dev.rekoface.engine.FaceDescriptor#similarity}. Errors are {@link dev.rekoface.engine.EngineException}s.
 * Model provenance and licences: {@code NOTICE-models.md} in this module and in its jar under
 * {@code dev/rekoface/engine/models/}.
 */
package dev.rekoface.engine;
