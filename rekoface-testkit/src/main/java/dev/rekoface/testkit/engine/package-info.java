/**
 * The local face engine ({@code rekoface-engine}, package {@code dev.rekoface.engine}) as a face source of the local
 * Rekognition: {@link dev.rekoface.testkit.engine.EngineFaceSource} maps the engine's faces, descriptors and
 * expressions onto Rekognition's model and the engine's image errors onto
 * {@link dev.rekoface.testkit.faces.UnreadableImageException}.
 */
package dev.rekoface.testkit.engine;
