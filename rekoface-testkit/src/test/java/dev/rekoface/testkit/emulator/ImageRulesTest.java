package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.testkit.emulator.ImageRules.Rejected;
import dev.rekoface.testkit.emulator.ImageRules.Rule;
import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.fixtures.HostileImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The emulator's own image rules: each rule with the service's error type and HTTP status, for bytes and for S3. */
class ImageRulesTest {

    private static EmulatorImage check(byte[] bytes, boolean fromS3) {
        return ImageRules.check(bytes, EmulatorImage.sha256(bytes), fromS3);
    }

    /** Asserts the rule that fired and the service's answer. */
    private static void assertRefused(ThrowingCallable call, Rule rule, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.rule).as(r.getMessage()).isEqualTo(rule);
            assertThat(r.error.code).isEqualTo(code);
            assertThat(r.error.status).isEqualTo(400);
            assertThat(r.error.getMessage()).isEqualTo(message);
        });
    }

    private static void assertBadBytes(byte[] bytes, Rule rule) {
        assertRefused(() -> check(bytes, false), rule, "InvalidImageFormatException", "Request has invalid image format");
        assertRefused(() -> check(bytes, true), rule, "InvalidS3ObjectException", ImageRules.S3_METADATA);
    }

    @Test
    void check_everyFixtureImage_isAcceptedWithTheSizeAndOrientationCoreReads() {
        for (String name : Fixtures.imageNames()) {
            byte[] bytes = Fixtures.image(name).bytes();
            if (bytes.length > ImageRules.MAX_BYTES) {
                continue;
            }
            EmulatorImage img = check(bytes, false);
            LocalImage core = ImageSource.fromBytes(bytes);
            assertThat(img.format().name()).as(name).isEqualTo(core.format().name());
            assertThat(img.width()).as(name).isEqualTo(core.storedSize().width());
            assertThat(img.height()).as(name).isEqualTo(core.storedSize().height());
            assertThat(img.exifOrientation()).as(name).isEqualTo(core.exifOrientation());
            assertThat(img.sha256()).as(name).isEqualTo(Fixtures.image(name).sha256());
        }
        assertThat(check(Fixtures.image("astronaut-exif-rotated.jpg").bytes(), false).exifOrientation()).isEqualTo(6);
    }

    @Test
    void check_empty_isValidationExceptionForBytes_andInvalidS3ObjectForS3() {
        assertRefused(() -> check(new byte[0], false), Rule.EMPTY, "ValidationException",
            "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at 'image.bytes' failed to "
                + "satisfy constraint: Member must have length greater than or equal to 1");
        assertRefused(() -> check(new byte[0], true), Rule.EMPTY, "InvalidS3ObjectException", ImageRules.S3_METADATA);
    }

    @Test
    void check_format_gifBmpAndText_areInvalidImageFormat() {
        assertBadBytes("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1), Rule.FORMAT);
        assertBadBytes("BM this is not a bitmap".getBytes(StandardCharsets.ISO_8859_1), Rule.FORMAT);
        String base64 = java.util.Base64.getEncoder().encodeToString(Fixtures.image("obama.jpg").bytes());
        assertBadBytes(base64.getBytes(StandardCharsets.US_ASCII), Rule.FORMAT);
        assertBadBytes(new byte[] {(byte) 0xFF, (byte) 0xD8}, Rule.FORMAT);
    }

    @Test
    void check_size_over5MbAsBytes_isImageTooLarge_butUpTo15MbFromS3IsRead() {
        byte[] big = HostileImages.noisyPng(2400, 2400, 2300, 7);
        assertThat(big.length).isBetween(ImageRules.MAX_BYTES + 1, (int) ImageRules.MAX_S3_BYTES);
        assertRefused(() -> check(big, false), Rule.TOO_LARGE, "ImageTooLargeException", "Image size is too large.");
        assertThat(check(big, true).width()).isEqualTo(2400);
        byte[] huge = Arrays.copyOf(big, (int) ImageRules.MAX_S3_BYTES + 1);
        assertRefused(() -> check(huge, true), Rule.TOO_LARGE, "InvalidS3ObjectException", "S3 object is too large.");
    }

    @Test
    void check_dimensions_under80PxASide_isInvalidParameter() {
        String message = "Image dimensions are too small: the minimum image dimension is 80 pixels.";
        assertRefused(() -> check(HostileImages.blackPng(79, 400), false), Rule.TOO_SMALL, "InvalidParameterException", message);
        assertRefused(() -> check(HostileImages.blackPng(400, 79), true), Rule.TOO_SMALL, "InvalidParameterException", message);
        assertThat(check(HostileImages.blackPng(80, 80), false).displayedSize().width()).isEqualTo(80);
    }

    @Test
    void check_pixelBound_over10000PxASide_isImageTooLarge_beforeDecoding() {
        assertRefused(() -> check(HostileImages.blackPng(20000, 20000), false), Rule.OVER_PIXEL_BOUND, "ImageTooLargeException",
            "Input image dimensions 20000 x 20000 exceed maximum dimension size of 10000 pixels");
        assertRefused(() -> check(HostileImages.blackPng(10001, 80), true), Rule.OVER_PIXEL_BOUND, "ImageTooLargeException",
            "Input image dimensions 10001 x 80 exceed maximum dimension size of 10000 pixels");
        assertRefused(() -> check(HostileImages.jpegFrameOnly(12000, 9000), false), Rule.OVER_PIXEL_BOUND, "ImageTooLargeException",
            "Input image dimensions 12000 x 9000 exceed maximum dimension size of 10000 pixels");
        assertThat(check(HostileImages.blackPng(10000, 80), false).width()).isEqualTo(10000);
    }

    @Test
    void check_truncation_jpegWithoutEndAndPngWithoutIend_areInvalidImageFormat() {
        byte[] jpeg = Fixtures.image("obama.jpg").bytes();
        assertBadBytes(Arrays.copyOf(jpeg, jpeg.length / 2), Rule.STRUCTURE);
        assertBadBytes(Arrays.copyOf(jpeg, 200), Rule.STRUCTURE);
        byte[] png = Fixtures.image("astronaut.png").bytes();
        assertBadBytes(Arrays.copyOf(png, png.length - 12), Rule.STRUCTURE); // IEND cut off
        assertBadBytes(Arrays.copyOf(png, png.length / 2), Rule.STRUCTURE);
        assertBadBytes(Arrays.copyOf(png, 20), Rule.STRUCTURE);
    }

    @Test
    void check_undecodablePngs_fromTheIssue_areInvalidImageFormat() {
        assertBadBytes(HostileImages.pngEndingAfterHeader(400, 300), Rule.STRUCTURE);
        assertBadBytes(HostileImages.pngWithTinyData(20000, 20000), Rule.STRUCTURE);
        assertBadBytes(HostileImages.pngWithNonZlibData(400, 300), Rule.STRUCTURE);
        assertBadBytes(HostileImages.pngWithTinyData(65535, 65535), Rule.STRUCTURE);
    }

    @Test
    void check_pngWhosePixelDataFailsToInflate_isInvalidImageFormat() {
        assertBadBytes(HostileImages.pngWithCorruptData(100, 100), Rule.PIXEL_DATA);
        assertBadBytes(png(100, 100, 0, rows(100, 100, 7)), Rule.PIXEL_DATA);            // filter type 7
        assertBadBytes(png(100, 100, 0, Arrays.copyOf(rows(100, 100, 0), 100 * 101 - 50)), Rule.PIXEL_DATA); // rows missing
        assertThat(check(png(100, 100, 0, rows(100, 100, 4)), false).width()).isEqualTo(100);
    }

    @Test
    void check_pngHeaderWithImpossibleFields_isInvalidImageFormat() {
        assertBadBytes(png(100, 100, 3, rows(100, 100, 0)), Rule.STRUCTURE);  // palette colour type without PLTE
        byte[] ok = HostileImages.blackPng(100, 100);
        byte[] depth = withHeaderByte(ok, 8, 3);  // 3 bits per sample does not exist
        assertBadBytes(depth, Rule.STRUCTURE);
        assertBadBytes(withHeaderByte(ok, 12, 2), Rule.STRUCTURE);  // interlace method 2
    }

    @Test
    void check_interlacedPng_isAccepted_andItsTruncatedDataIsNot() throws IOException {
        BufferedImage img = new BufferedImage(333, 250, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 250; y++) {
            for (int x = 0; x < 333; x++) {
                img.setRGB(x, y, (x * 7 + y * 13) * 0x010203);
            }
        }
        byte[] adam7 = interlacedPng(img);
        assertThat(adam7[28]).as("interlace method in IHDR").isEqualTo((byte) 1);
        assertThat(check(adam7, false).width()).isEqualTo(333);
        assertThat(check(withRows(adam7, raw -> raw), false).width()).as("rebuilt unchanged").isEqualTo(333);
        // a well-formed file whose data lacks the last 100 bytes of rows (of the seventh pass)
        assertBadBytes(withRows(adam7, raw -> Arrays.copyOf(raw, raw.length - 100)), Rule.PIXEL_DATA);
    }

    // ---------------------------------------------------------------- builders

    /** Raw rows of a grey 8-bit image, each with the given filter type and zero samples. */
    private static byte[] rows(int w, int h, int filter) {
        byte[] raw = new byte[h * (w + 1)];
        for (int y = 0; y < h; y++) {
            raw[y * (w + 1)] = (byte) filter;
        }
        return raw;
    }

    private static byte[] png(int w, int h, int colourType, byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.writeBytes(HostileImages.chunk("IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8)
            .put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0).array()));
        out.writeBytes(HostileImages.chunk("IDAT", deflate(raw)));
        out.writeBytes(HostileImages.chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** A copy with one IHDR payload byte changed (and the chunk's CRC recomputed). */
    private static byte[] withHeaderByte(byte[] png, int index, int value) {
        byte[] payload = Arrays.copyOfRange(png, 16, 29);
        payload[index] = (byte) value;
        byte[] out = png.clone();
        System.arraycopy(HostileImages.chunk("IHDR", payload), 0, out, 8, 25);
        return out;
    }

    private static byte[] interlacedPng(BufferedImage img) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Rebuilds a PNG (IHDR kept) with its inflated rows edited, in a single IDAT. */
    private static byte[] withRows(byte[] png, java.util.function.UnaryOperator<byte[]> edit) throws IOException {
        ByteArrayOutputStream zdata = new ByteArrayOutputStream();
        byte[] ihdr = null;
        ByteBuffer b = ByteBuffer.wrap(png, 8, png.length - 8);
        while (b.remaining() >= 12) {
            int len = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            byte[] data = new byte[len];
            b.get(data);
            b.getInt();
            String t = new String(type, StandardCharsets.US_ASCII);
            if (t.equals("IHDR")) {
                ihdr = data;
            } else if (t.equals("IDAT")) {
                zdata.writeBytes(data);
            }
        }
        byte[] raw;
        try (java.util.zip.InflaterInputStream in = new java.util.zip.InflaterInputStream(
            new java.io.ByteArrayInputStream(zdata.toByteArray()))) {
            raw = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(png, 8));
        out.writeBytes(HostileImages.chunk("IHDR", ihdr));
        out.writeBytes(HostileImages.chunk("IDAT", deflate(edit.apply(raw))));
        out.writeBytes(HostileImages.chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            z.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return z.toByteArray();
    }
}
