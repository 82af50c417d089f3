package dev.rekoface.testkit.faces;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Finds the faces of an image for the local Rekognition.
 *
 * <p>Implementations must be thread-safe and deterministic: the same bytes give the same faces. Geometry is in
 * ratios of the displayed (EXIF-upright) image, as Rekognition reports it.
 */
public interface FaceSource {

    /** Returns a short name for logs and for {@link SourceFace#source()}, e.g. {@code catalogue}. */
    String name();

    /**
     * Finds the faces of an image, or tells that this source does not know the image.
     *
     * @param image the image the emulator accepted (JPEG or PNG, at most 5 MB as bytes or 15 MB from S3, 80 to
     *     10,000 px a side)
     * @param sha256 lower-case hex SHA-256 of the image bytes
     * @return the faces, possibly none; {@code null} when this source does not know the image, so that the next
     *     source is asked
     * @throws UnreadableImageException if the source cannot decode the image's pixels (the emulator answers
     *     {@code InvalidImageFormatException})
     */
    List<SourceFace> detect(EmulatorImage image, String sha256);

    /**
     * Tells how similar two faces this source described are, in percent.
     *
     * @param a a face
     * @param b another face
     * @return the similarity 0-100, or empty when this source cannot compare them
     */
    default OptionalDouble similarity(SourceFace a, SourceFace b) {
        return OptionalDouble.empty();
    }

    /**
     * Computes this source's descriptor for a face another source found (for example a hand-checked catalogue face),
     * so that faces of different sources can be compared.
     *
     * @param image the image the face's ratios refer to
     * @param sha256 lower-case hex SHA-256 of the image bytes
     * @param face the face's geometry
     * @return the descriptor, or empty when this source computes none
     */
    default java.util.Optional<float[]> describe(EmulatorImage image, String sha256, dev.rekoface.model.FaceDetails face) {
        return java.util.Optional.empty();
    }
}
