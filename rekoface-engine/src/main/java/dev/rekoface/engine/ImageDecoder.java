package dev.rekoface.engine;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG and PNG images for the engine with bounded memory: the declared size is read from the header first
 * ({@link ImageReader#getWidth}/{@link ImageReader#getHeight} before {@link ImageReader#read}), so that an image over
 * {@value #MAX_PIXELS} pixels is refused before any raster is allocated; an image over {@value #DECODE_PIXELS} pixels
 * is read subsampled (every n-th pixel of every n-th row), so that no decoded picture exceeds that; and every decoded
 * picture holds a share of a global budget of {@value #BUDGET_MEGAPIXELS} megapixels while the engine works on it, so
 * that concurrent callers cannot exhaust the heap together (a caller waits for the budget instead).
 *
 * <p>The format is judged from the first bytes. Any failure of the decoder (damaged data, an unsupported JPEG colour
 * space, an exception inside the JDK's plugin) becomes an {@link EngineImageException}. Thread-safe.
 */
final class ImageDecoder {
    /** Most pixels decoded at all: 10,000 x 10,000, Amazon Rekognition's bound. */
    static final long MAX_PIXELS = 100_000_000L;
    /** Most pixels of a decoded picture; larger images are subsampled. Above every fixture photo (24 megapixels). */
    static final long DECODE_PIXELS = 40_000_000L;
    /** Megapixels decoded at once, over all threads (about 8 bytes each while decoding and turning upright). */
    static final int BUDGET_MEGAPIXELS = 64;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Semaphore BUDGET = new Semaphore(BUDGET_MEGAPIXELS, true);

    /** The formats decoded. */
    private enum Format {
        JPEG("jpeg"),
        PNG("png");

        final String reader;

        Format(String reader) {
            this.reader = reader;
        }
    }

    private ImageDecoder() {
    }

    /**
     * Decodes image bytes upright (their EXIF orientation applied, transparency over white) and runs work on the
     * picture while holding its share of the decoding budget.
     *
     * @param image JPEG or PNG bytes
     * @param work what to do with the upright picture (its exceptions pass through unchanged)
     * @param <T> the result type
     * @return the work's result
     * @throws EngineImageException if the image is empty, not a JPEG or PNG, declares more than {@value #MAX_PIXELS}
     *     pixels or cannot be decoded
     */
    static <T> T withUpright(byte[] image, Function<? super BufferedImage, ? extends T> work) {
        Objects.requireNonNull(image, "image");
        return withUpright(new ByteArrayInputStream(image), ExifOrientation.of(image), work);
    }

    /**
     * Decodes an image upright with a known EXIF orientation and runs work on it while holding its share of the
     * decoding budget.
     *
     * @param image the JPEG or PNG bytes, read to the end (not closed)
     * @param exifOrientation the orientation 1-8 the image declares
     * @param work what to do with the upright picture (its exceptions pass through unchanged)
     * @param <T> the result type
     * @return the work's result
     * @throws EngineImageException as {@link #withUpright(byte[], Function)}
     */
    static <T> T withUpright(InputStream image, int exifOrientation, Function<? super BufferedImage, ? extends T> work) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(work, "work");
        if (exifOrientation < 1 || exifOrientation > 8) {
            throw new IllegalArgumentException("EXIF orientation must be 1-8, was " + exifOrientation);
        }
        Decoded d = decode(image, exifOrientation);
        try {
            return work.apply(d.upright());
        } finally {
            BUDGET.release(d.permits());
        }
    }

    /** A decoded picture and the budget permits it holds. */
    private record Decoded(BufferedImage upright, int permits) {
    }

    private static Decoded decode(InputStream stream, int orientation) {
        ImageInputStream in = new MemoryCacheImageInputStream(stream);
        try {
            Format format = sniff(in);
            ImageReader reader = reader(format);
            try {
                reader.setInput(in, true, true);
                int w;
                int h;
                try {
                    w = reader.getWidth(0);
                    h = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw unreadable(format + " image: its header could not be read", e);
                }
                long pixels = (long) w * h;
                if (w <= 0 || h <= 0 || pixels > MAX_PIXELS) {
                    throw new EngineImageException(format + " image declares " + w + "x" + h + String.format(Locale.ROOT,
                        " = %,d pixels; the face engine decodes at most %,d", pixels, MAX_PIXELS), null);
                }
                int step = subsampling(w, h);
                long decoded = (long) ceilDiv(w, step) * ceilDiv(h, step);
                int permits = (int) Math.max(1, Math.min(BUDGET_MEGAPIXELS, (decoded + 999_999) / 1_000_000));
                acquire(permits);
                boolean handedOver = false;
                try {
                    ImageReadParam param = reader.getDefaultReadParam();
                    if (step > 1) {
                        param.setSourceSubsampling(step, step, 0, 0);
                    }
                    BufferedImage upright = orient(toRgb(reader.read(0, param)), orientation);
                    handedOver = true;
                    return new Decoded(upright, permits);
                } catch (IOException | RuntimeException e) {
                    throw unreadable(format + " image of " + w + "x" + h + " px: its pixels could not be decoded", e);
                } finally {
                    if (!handedOver) {
                        BUDGET.release(permits);
                    }
                }
            } finally {
                reader.dispose();
            }
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // an in-memory cache over the caller's stream: nothing to release
            }
        }
    }

    /** Judges the format from the first bytes and rewinds. */
    private static Format sniff(ImageInputStream in) {
        byte[] head = new byte[PNG_SIGNATURE.length];
        int n = 0;
        try {
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            in.seek(0);
        } catch (IOException e) {
            throw unreadable("image could not be read", e);
        }
        if (n >= 3 && head[0] == (byte) 0xFF && head[1] == (byte) 0xD8 && head[2] == (byte) 0xFF) {
            return Format.JPEG;
        }
        if (n == PNG_SIGNATURE.length && java.util.Arrays.equals(head, PNG_SIGNATURE)) {
            return Format.PNG;
        }
        if (n == 0) {
            throw new EngineImageException("image is empty", null);
        }
        throw new EngineImageException("image is not a JPEG or PNG (first bytes "
            + HexFormat.ofDelimiter(" ").formatHex(head, 0, n).toUpperCase(Locale.ROOT) + ")", null);
    }

    /** Returns the megapixels of the budget not held by a decoded picture now (for tests and diagnostics). */
    static int availableBudget() {
        return BUDGET.availablePermits();
    }

    /** The smallest subsampling step that keeps the decoded picture within {@value #DECODE_PIXELS} pixels. */
    static int subsampling(int w, int h) {
        int step = 1;
        while ((long) ceilDiv(w, step) * ceilDiv(h, step) > DECODE_PIXELS) {
            step++;
        }
        return step;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static ImageReader reader(Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.reader);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no " + format + " decoder in this JVM");
        }
        return readers.next();
    }

    private static void acquire(int permits) {
        try {
            BUDGET.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to decode an image", e);
        }
    }

    private static EngineImageException unreadable(String what, Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new EngineImageException(what + ": " + m, e);
    }

    /** Draws a picture of any type onto a white RGB canvas (the same instance when it is RGB already). */
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

    /** Turns stored pixels upright for an EXIF orientation 1-8 (the same instance for 1). */
    static BufferedImage orient(BufferedImage src, int orientation) {
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
}
