/**
 * Drawing results onto images: {@link dev.rekoface.annotate.FaceAnnotator} draws faces' boxes, landmarks and dominant
 * emotions onto an upright copy of a photo, with Java AWT (headless is enough).
 *
 * <p>A package of its own so that {@code dev.rekoface.image}, the image sources, stays free of drawing code.
 */
package dev.rekoface.annotate;
