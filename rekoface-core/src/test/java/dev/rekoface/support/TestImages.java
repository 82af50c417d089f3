package dev.rekoface.support;

import dev.rekoface.testkit.fixtures.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/** Generates images for tests: other formats, odd sizes, broken files. */
public final class TestImages {
    private TestImages() {
    }

    public static byte[] fixture(String name) {
        return Fixtures.image(name).bytes();
    }

    public static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 180, 150));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return img;
    }

    public static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(int w, int h) {
        return encode(picture(w, h), "png");
    }

    public static byte[] jpeg(int w, int h) {
        return encode(picture(w, h), "jpg");
    }

    public static byte[] gif() {
        return encode(picture(120, 120), "gif");
    }

    public static byte[] bmp() {
        return encode(picture(120, 120), "bmp");
    }

    /** A minimal lossless WebP header (RIFF....WEBPVP8L) followed by filler: enough to be sniffed as WebP. */
    public static byte[] webp() {
        byte[] b = new byte[64];
        byte[] head = "RIFF\u0038\0\0\0WEBPVP8L".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    /** A JPEG whose end has been cut off. */
    public static byte[] truncatedJpeg() {
        byte[] full = fixture("obama.jpg");
        return Arrays.copyOf(full, full.length / 2);
    }

    /** A PNG whose end has been cut off. */
    public static byte[] truncatedPng() {
        byte[] full = fixture("coffee.png");
        return Arrays.copyOf(full, full.length - 100);
    }

    /** A valid JPEG of random noise at the highest quality, larger than 5 MB. */
    public static byte[] noisyJpegOver5Mb() {
        Random r = new Random(42);
        BufferedImage img = new BufferedImage(2600, 2000, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < row.length; x++) {
                row[x] = r.nextInt(0x1000000);
            }
            img.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1.0f);
            try (var ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new javax.imageio.IIOImage(img, null, null), param);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
