/**
 * The face-source SPI of the local Rekognition: where the emulator gets the faces of an image it is sent.
 *
 * <p>The emulator asks its sources in order: the face catalogue (hand-checked annotations of known images, looked up
 * by the SHA-256 of the bytes), then a fallback for every other image. Implement {@link
 * dev.rekoface.testkit.faces.FaceSource} to plug in another detector.
 */
package dev.rekoface.testkit.faces;
