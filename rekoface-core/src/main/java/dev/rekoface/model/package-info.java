/**
 * Immutable domain models for what Rekognition returns: faces, emotions, landmarks, matches, labels.
 *
 * <p>Everything here is immutable and thread-safe, and no method returns {@code null}: what a response may omit is
 * an {@link java.util.Optional} (for example the attributes that {@link dev.rekoface.model.FaceAttributes#DEFAULT}
 * does not ask for). Values the service may add in the future (an emotion, a landmark type, a gender) map to an
 * {@code UNKNOWN} constant and keep the raw string, so a newer service never breaks parsing.
 *
 * <p>Geometry comes twice: as the service's ratios of the image (which may be below 0 or above 1 for faces cut by the
 * border) and, when the displayed image size is known, in pixels of the displayed image (after EXIF orientation).
 *
 * <p>Small value types are records; aggregates are interfaces whose implementations are generated and hidden.
 */
package dev.rekoface.model;
