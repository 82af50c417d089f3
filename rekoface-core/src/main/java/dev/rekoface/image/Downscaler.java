package dev.rekoface.image;

import static dev.rekoface.InvalidImageException.Reason.CORRUPT;
import static dev.rekoface.InvalidImageException.Reason.TOO_LARGE;

import dev.rekoface.InvalidImageException;
import dev.rekoface.model.ImageSize;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
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
 * Re-encodes an oversize image as an upright JPEG under the 5 MB limit. The result has EXIF orientation 1 and keeps
 * the original displayed size as its geometry size, so ratios from the service map to pixels of the original.
 */
final class Downscaler {
    private static final float QUALITY = 0.90f;

    private Downscaler() {
    }

    static LocalImage downscale(byte[] bytes, String desc, ImageSize originalDisplayed, int orientation) {
        BufferedImage upright = applyOrientation(toRgb(BoundedDecoder.decode(bytes, desc, "for downscaling")), orientation);
        double scale = Math.min(1.0, Math.sqrt((double) ImageSource.MAX_BYTES / bytes.length) * 1.2);
        for (int attempt = 0; attempt < 12; attempt++) {
            int w = Math.max(ImageSource.MIN_SIDE, (int) Math.round(upright.getWidth() * scale));
            int h = Math.max(ImageSource.MIN_SIDE, (int) Math.round(upright.getHeight() * scale));
            byte[] jpeg = encodeJpeg(resize(upright, w, h), desc);
            if (jpeg.length <= ImageSource.MAX_BYTES) {
                return new LocalImage(jpeg, ImageFormat.JPEG, new ImageSize(w, h), 1, originalDisplayed,
                    desc + " (downscaled from " + originalDisplayed + ")", true);
            }
            scale *= 0.8;
        }
        throw new InvalidImageException(TOO_LARGE, "image " + desc + " could not be re-encoded under 5 MB");
    }

    static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, src.getWidth(), src.getHeight());
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /**
     * Turns stored pixels upright according to an EXIF orientation (1-8).
     *
     * @param src the stored pixels
     * @param orientation the EXIF orientation
     * @return the upright image (the same instance for orientation 1)
     */
    static BufferedImage applyOrientation(BufferedImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(src, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage resize(BufferedImage src, int w, int h) {
        if (src.getWidth() == w && src.getHeight() == h) {
            return src;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encodeJpeg(BufferedImage img, String desc) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG encoder in this JVM");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new InvalidImageException(CORRUPT, "image " + desc + " could not be re-encoded: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
