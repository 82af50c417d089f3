package dev.rekoface.internal;

import dev.rekoface.RekofaceException;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.BoundingBox;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Cuts one face out of an upright photo so that SearchFacesByImage can search it: the face's box grown by
 * {@link #MARGIN} of its size on every side (the service needs context around a face to find it), clipped to the
 * photo, scaled up so that its shorter side is at least {@link ImageSource#MIN_SIDE} pixels (the service's smallest
 * image), scaled down when its longer side passes {@link #MAX_SIDE}, and encoded as JPEG.
 */
final class FaceCrops {
    /** The margin added on each side, as a fraction of the face's width (left, right) or height (top, bottom). */
    static final double MARGIN = 0.5;
    /** The longest side of a crop, in pixels; larger faces are scaled down (they lose nothing a search needs). */
    static final int MAX_SIDE = 1600;
    private static final float QUALITY = 0.92f;

    private FaceCrops() {
    }

    /**
     * Returns the region of the photo cut for a face, in pixels: the box grown by the margin and clipped.
     *
     * @param box the face's box, ratios of the photo
     * @param width the photo's width in pixels
     * @param height the photo's height in pixels
     * @return x, y, width, height, at least 1 pixel a side
     */
    static int[] region(BoundingBox box, int width, int height) {
        double left = box.left() * width;
        double top = box.top() * height;
        double w = box.width() * width;
        double h = box.height() * height;
        int x0 = clamp((int) Math.floor(left - MARGIN * w), 0, width - 1);
        int y0 = clamp((int) Math.floor(top - MARGIN * h), 0, height - 1);
        int x1 = clamp((int) Math.ceil(left + w + MARGIN * w), x0 + 1, width);
        int y1 = clamp((int) Math.ceil(top + h + MARGIN * h), y0 + 1, height);
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }

    /**
     * Cuts, scales and encodes one face's crop.
     *
     * @param upright the photo, upright
     * @param box the face's box, ratios of the photo
     * @param description the photo's description, for messages
     * @return the crop, at least {@link ImageSource#MIN_SIDE} pixels a side
     */
    static LocalImage crop(BufferedImage upright, BoundingBox box, String description) {
        int[] r = region(box, upright.getWidth(), upright.getHeight());
        double scale = Math.max(1.0, (double) ImageSource.MIN_SIDE / Math.min(r[2], r[3]));
        if (Math.max(r[2], r[3]) * scale > MAX_SIDE) {
            scale = Math.max((double) MAX_SIDE / Math.max(r[2], r[3]), (double) ImageSource.MIN_SIDE / Math.min(r[2], r[3]));
        }
        int w = Math.max(ImageSource.MIN_SIDE, (int) Math.round(r[2] * scale));
        int h = Math.max(ImageSource.MIN_SIDE, (int) Math.round(r[3] * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(upright, 0, 0, w, h, r[0], r[1], r[0] + r[2], r[1] + r[3], null);
        } finally {
            g.dispose();
        }
        return ImageSource.fromBytes(jpeg(out, description));
    }

    private static byte[] jpeg(BufferedImage img, String description) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG encoder in this JVM");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new RekofaceException("a face of " + description + " could not be encoded: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
