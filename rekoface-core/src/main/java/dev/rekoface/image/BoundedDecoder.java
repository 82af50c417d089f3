package dev.rekoface.image;

import static dev.rekoface.InvalidImageException.Reason.BAD_DIMENSIONS;
import static dev.rekoface.InvalidImageException.Reason.CORRUPT;

import dev.rekoface.InvalidImageException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image bytes for rekoface's own use (downscaling, annotation) only after reading their declared size: a
 * picture over {@link ImageSource#MAX_SIDE} pixels a side is refused before any raster is allocated, and any failure
 * of the JDK's decoder becomes an {@link InvalidImageException}.
 */
final class BoundedDecoder {
    private BoundedDecoder() {
    }

    /**
     * Decodes the first image of the bytes.
     *
     * @param bytes JPEG or PNG bytes
     * @param desc what the bytes are, for messages
     * @param purpose what the decoding is for, for messages (e.g. "for downscaling"), or empty
     * @return the decoded picture, as stored (no EXIF orientation applied)
     * @throws InvalidImageException {@code BAD_DIMENSIONS} over the bound, {@code CORRUPT} if it cannot be decoded
     */
    static BufferedImage decode(byte[] bytes, String desc, String purpose) {
        String why = purpose.isEmpty() ? "" : " " + purpose;
        ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
        ImageReader reader = null;
        try {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidImageException(CORRUPT, "image " + desc + " could not be decoded" + why + ": no decoder reads it");
            }
            reader = readers.next();
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w > ImageSource.MAX_SIDE || h > ImageSource.MAX_SIDE) {
                throw new InvalidImageException(BAD_DIMENSIONS, "image " + desc + " declares " + w + "x" + h
                    + " px; it is not decoded" + why + " over " + ImageSource.MAX_SIDE + " px on a side");
            }
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidImageException invalid) {
                throw invalid;
            }
            throw new InvalidImageException(CORRUPT, "image " + desc + " could not be decoded" + why + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
            try {
                in.close();
            } catch (IOException e) {
                // an in-memory stream: nothing to release
            }
        }
    }
}
