package dev.rekoface.internal.operation;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.InvalidImageException;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.ImageSize;
import java.util.Objects;

/** Input checks shared by the operations, each naming the parameter and the value. */
public final class Checks {
    /** DetectLabels' largest side, in pixels. */
    public static final int MAX_LABELS_SIDE = 10_000;

    private Checks() {
    }

    /**
     * Requires a non-null argument.
     *
     * @param value the value
     * @param parameter its name
     * @param <T> its type
     * @return the value
     */
    public static <T> T notNull(T value, String parameter) {
        if (value == null) {
            throw new InvalidArgumentException(parameter, parameter + " must not be null");
        }
        return value;
    }

    /**
     * Requires an integer within bounds.
     *
     * @param value the value
     * @param min the smallest allowed
     * @param max the largest allowed
     * @param parameter its name
     * @return the value
     */
    public static int range(int value, int min, int max, String parameter) {
        if (value < min || value > max) {
            throw new InvalidArgumentException(parameter, parameter + " " + value + " is out of range; Rekognition accepts "
                + min + "-" + max);
        }
        return value;
    }

    private static final java.util.regex.Pattern COLLECTION_ID = java.util.regex.Pattern.compile("[a-zA-Z0-9_.\\-]{1,255}");
    private static final java.util.regex.Pattern FACE_ID =
        java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * Requires a valid collection id: 1-255 of {@code [a-zA-Z0-9_.-]}.
     *
     * @param id the id
     * @return the id
     */
    public static String collectionId(String id) {
        if (id == null || !COLLECTION_ID.matcher(id).matches()) {
            throw new InvalidArgumentException("collection id", "collection id " + (id == null ? "null" : "'" + id + "'")
                + " is invalid; Rekognition accepts 1-255 characters of letters, digits, '_', '.' and '-'");
        }
        return id;
    }

    /**
     * Requires a face id as the service writes them (a lower-case UUID).
     *
     * @param faceId the id
     * @return the id
     */
    public static String faceId(String faceId) {
        if (faceId == null || !FACE_ID.matcher(faceId).matches()) {
            throw new InvalidArgumentException("face id", "face id " + (faceId == null ? "null" : "'" + faceId + "'")
                + " is not a face id; Rekognition's face ids are lower-case UUIDs such as 38271d79-7bc2-5efb-b752-398a8d575b85");
        }
        return faceId;
    }

    /**
     * Requires a list of face ids within a size range.
     *
     * @param faceIds the ids
     * @param max the most allowed in one call
     * @param operation the operation, for the message
     * @return the ids, as a list
     */
    public static java.util.List<String> faceIds(java.util.Collection<String> faceIds, int max, String operation) {
        notNull(faceIds, "face ids");
        if (faceIds.isEmpty() || faceIds.size() > max) {
            throw new InvalidArgumentException("face ids", operation + " takes 1-" + max + " face ids, was " + faceIds.size());
        }
        java.util.List<String> out = new java.util.ArrayList<>(faceIds.size());
        for (String id : faceIds) {
            out.add(faceId(id));
        }
        return out;
    }

    /**
     * Requires every side of a local image to be within DetectLabels' maximum.
     *
     * @param image the image
     */
    public static void labelsSize(ImageSource image) {
        Objects.requireNonNull(image, "image");
        if (image instanceof LocalImage local) {
            ImageSize s = local.displayedSize();
            if (s.width() > MAX_LABELS_SIDE || s.height() > MAX_LABELS_SIDE) {
                throw new InvalidImageException(InvalidImageException.Reason.BAD_DIMENSIONS, "image " + local.description()
                    + " is " + s + " px; DetectLabels accepts at most 10000 px on each side");
            }
        }
    }

    /**
     * Returns the size pixel geometry refers to, or null when unknown.
     *
     * @param image the image
     * @return the size or null
     */
    public static ImageSize size(ImageSource image) {
        return image.geometrySize().orElse(null);
    }
}
