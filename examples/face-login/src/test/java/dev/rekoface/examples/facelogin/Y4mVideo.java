package dev.rekoface.examples.facelogin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes a still photo as a short YUV4MPEG2 video (4:2:0 planes, BT.601 studio range), the format Chromium's fake
 * camera ({@code --use-file-for-fake-video-capture}) plays in a loop.
 */
final class Y4mVideo {
    private Y4mVideo() {
    }

    /**
     * Writes a video of identical frames.
     *
     * @param photo JPEG or PNG bytes
     * @param maxSide the longest side of the video; the photo is scaled to fit, keeping its aspect
     * @param frames how many frames
     * @param file where to write
     * @return the file
     */
    static Path write(byte[] photo, int maxSide, int frames, Path file) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
            if (image == null) {
                throw new IllegalArgumentException("not a JPEG or PNG image");
            }
            double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
            int width = even(image.getWidth() * scale);
            int height = even(image.getHeight() * scale);
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setColor(Color.GRAY);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
            g.dispose();
            byte[] planes = yuv420(frame);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(("YUV4MPEG2 W" + width + " H" + height + " F30:1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < frames; i++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(planes);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int even(double side) {
        return Math.max(2, ((int) Math.round(side)) & ~1);
    }

    /** Converts to Y, then U and V at half resolution (each the average of a 2x2 block). */
    static byte[] yuv420(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        byte[] out = new byte[w * h + 2 * (w / 2) * (h / 2)];
        int uOffset = w * h;
        int vOffset = uOffset + (w / 2) * (h / 2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb.getRGB(x, y);
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                out[y * w + x] = (byte) clamp(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255.0);
            }
        }
        for (int y = 0; y < h / 2; y++) {
            for (int x = 0; x < w / 2; x++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int p = rgb.getRGB(2 * x + dx, 2 * y + dy);
                        r += ((p >> 16) & 0xFF) / 4.0;
                        g += ((p >> 8) & 0xFF) / 4.0;
                        b += (p & 0xFF) / 4.0;
                    }
                }
                out[uOffset + y * (w / 2) + x] = (byte) clamp(128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255.0);
                out[vOffset + y * (w / 2) + x] = (byte) clamp(128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255.0);
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
