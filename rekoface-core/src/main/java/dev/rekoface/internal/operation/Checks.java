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
