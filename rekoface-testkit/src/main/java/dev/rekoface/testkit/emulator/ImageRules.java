package dev.rekoface.testkit.emulator;

import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.faces.EmulatorImage.Format;
import java.util.Locale;

/**
 * The service's rules for an image, checked by the emulator itself: implemented here from Rekognition's documented
 * limits, independent of rekoface-core's client-side validation (the emulator is the double that must catch a bug in
 * that validation, so it must not share its code).
 *
 * <p>Checks, in order, each with the service's error (bytes / S3 object):
 * <ol>
 *   <li>empty: {@code ValidationException} / {@code InvalidS3ObjectException};</li>
 *   <li>size, 1 byte to 5 MB as bytes, up to 15 MB in S3: {@code ImageTooLargeException} /
 *       {@code InvalidS3ObjectException};</li>
 *   <li>format, JPEG or PNG judged from the magic bytes: {@code InvalidImageFormatException} /
 *       {@code InvalidS3ObjectException};</li>
 *   <li>structure: a JPEG's segments up to its frame and scan, and an end-of-image marker after the scan; a PNG's
 *       chunks from {@code IHDR} to {@code IEND} inside the file, a valid header, image data that starts as a zlib
 *       stream and is large enough to hold the declared pixels (deflate cannot compress better than 1032:1):
 *       same errors as the format;</li>
 *   <li>dimensions, at least {@value #MIN_SIDE} px a side: {@code InvalidParameterException};</li>
 *   <li>pixel bound, at most {@value #MAX_SIDE} px a side: {@code ImageTooLargeException}, from the declared size,
 *       before anything is decoded;</li>
 *   <li>PNG pixel data: inflated once through a fixed buffer (nothing allocated per pixel), it must give every row
 *       with a valid filter type: same errors as the format.</li>
 * </ol>
 * JPEG scan data is not decoded here; a face source that cannot decode it throws
 * {@link dev.rekoface.testkit.faces.UnreadableImageException}, which the emulator answers the same way.
 *
 * <p>Stateless and thread-safe.
 */
final class ImageRules {
    /** Largest image accepted as bytes: 5 MB (5,242,880 bytes). */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Largest S3 object the service reads: 15 MB. */
    static final long MAX_S3_BYTES = 15L * 1024 * 1024;
    /** Smallest side accepted, in pixels. */
    static final int MIN_SIDE = 80;
    /**
     * Largest side accepted, in pixels. Rekognition documents 10,000 px per side for DetectLabels and
     * DetectModerationLabels ("Guidelines and quotas"), and users report the face operations answering
     * {@code ImageTooLargeException: Input image dimensions 10800 x 5400 exceed maximum dimension size of 10000
     * pixels}; the emulator applies that bound to every image operation, and so bounds an image at 100 megapixels
     * before it is decoded (a 1.7 MB PNG may declare 20000 x 20000 = 400 megapixels).
     */
    static final int MAX_SIDE = 10_000;
    /** Best ratio deflate reaches (258-byte matches coded in 2 bits), so the least data a PNG needs. */
    static final int MAX_DEFLATE_RATIO = 1032;

    static final String INVALID_FORMAT = "Request has invalid image format";
    static final String S3_METADATA = "Unable to get image metadata from S3.  Check object key, region and/or access permissions.";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Which rule an image broke. */
    enum Rule {
        /** Zero bytes. */
        EMPTY,
        /** Over 5 MB as bytes or 15 MB in S3. */
        TOO_LARGE,
        /** Not JPEG or PNG. */
        FORMAT,
        /** Truncated or damaged structure, or data too small for the declared size. */
        STRUCTURE,
        /** A side under {@value ImageRules#MIN_SIDE} px. */
        TOO_SMALL,
        /** A side over {@value ImageRules#MAX_SIDE} px. */
        OVER_PIXEL_BOUND,
        /** PNG pixel data that does not inflate to the declared rows. */
        PIXEL_DATA
    }

    /** An image that broke a rule: the rule, the service's answer, and a detail for logs (never the bytes). */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final Rule rule;
        final transient ServiceError error;

        Rejected(Rule rule, ServiceError error, String detail) {
            super(detail, null, false, false);
            this.rule = rule;
            this.error = error;
        }
    }

    /** What the header tells, before the pixel-data check. */
    private record Header(Format format, int width, int height, int orientation, PngLayout png) {
    }

    private ImageRules() {
    }

    /**
     * Checks an image against the service's rules.
     *
     * @param bytes the image bytes (not copied; not modified)
     * @param sha256 the lower-case hex SHA-256 of the bytes
     * @param fromS3 whether the bytes came from an S3 object (other limit, other errors)
     * @return the accepted image
     * @throws Rejected naming the broken rule and carrying the service's error
     */
    static EmulatorImage check(byte[] bytes, String sha256, boolean fromS3) {
        Header h = header(bytes, fromS3);
        if (h.width() < MIN_SIDE || h.height() < MIN_SIDE) {
            throw new Rejected(Rule.TOO_SMALL, ServiceError.invalidParameter(
                "Image dimensions are too small: the minimum image dimension is 80 pixels."),
                "image is " + h.width() + "x" + h.height() + " px, under " + MIN_SIDE + " px a side");
        }
        if (h.width() > MAX_SIDE || h.height() > MAX_SIDE) {
            throw new Rejected(Rule.OVER_PIXEL_BOUND, ServiceError.badRequest("ImageTooLargeException",
                "Input image dimensions " + h.width() + " x " + h.height() + " exceed maximum dimension size of " + MAX_SIDE + " pixels"),
                "image is " + h.width() + "x" + h.height() + " px, over " + MAX_SIDE + " px a side");
        }
        if (h.png() != null) {
            String problem = h.png().pixelDataProblem(bytes);
            if (problem != null) {
                throw unreadable(Rule.PIXEL_DATA, fromS3, "PNG pixel data: " + problem);
            }
        }
        return new EmulatorImage(bytes, h.format(), h.width(), h.height(), h.orientation(), sha256);
    }

    private static Header header(byte[] b, boolean fromS3) {
        if (b.length == 0) {
            throw new Rejected(Rule.EMPTY, fromS3 ? ServiceError.badRequest("InvalidS3ObjectException", S3_METADATA)
                : ServiceError.validation("1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' "
                    + "at 'image.bytes' failed to satisfy constraint: Member must have length greater than or equal to 1"),
                "image is empty");
        }
        if (fromS3 ? b.length > MAX_S3_BYTES : b.length > MAX_BYTES) {
            throw new Rejected(Rule.TOO_LARGE, fromS3 ? ServiceError.badRequest("InvalidS3ObjectException", "S3 object is too large.")
                : ServiceError.badRequest("ImageTooLargeException", "Image size is too large."),
                "image is " + b.length + " bytes, over " + (fromS3 ? MAX_S3_BYTES : MAX_BYTES));
        }
        if (b.length >= 3 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF) {
            return jpeg(b, fromS3);
        }
        if (startsWith(b, PNG_SIGNATURE)) {
            return png(b, fromS3);
        }
        throw unreadable(Rule.FORMAT, fromS3, "not a JPEG or PNG (first bytes " + hex(b, 8) + ")");
    }

    // ---------------------------------------------------------------- JPEG

    private static Header jpeg(byte[] b, boolean fromS3) {
        int n = b.length;
        int pos = 2;
        int width = 0;
        int height = 0;
        int orientation = 0;
        while (true) {
            if (pos + 2 > n) {
                throw unreadable(Rule.STRUCTURE, fromS3, "JPEG ends inside its headers");
            }
            if (u8(b, pos) != 0xFF) {
                throw unreadable(Rule.STRUCTURE, fromS3, "JPEG has no marker at byte " + pos);
            }
            int marker = u8(b, pos + 1);
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
                pos += 2;
                continue;
            }
            if (marker == 0xD8 || marker == 0xD9) {
                throw unreadable(Rule.STRUCTURE, fromS3, "JPEG ends (or restarts) before its image data");
            }
            if (pos + 4 > n) {
                throw unreadable(Rule.STRUCTURE, fromS3, "JPEG ends inside its headers");
            }
            int length = u16(b, pos + 2);
            int end = pos + 2 + length;
            if (length < 2 || end > n) {
                throw unreadable(Rule.STRUCTURE, fromS3, "JPEG segment " + Integer.toHexString(marker) + " at byte " + pos
                    + " runs past the end of the file");
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame && width == 0) {
                if (length < 8) {
                    throw unreadable(Rule.STRUCTURE, fromS3, "JPEG frame header is " + length + " bytes");
                }
                height = u16(b, pos + 5);
                width = u16(b, pos + 7);
                if (width == 0 || height == 0) {
                    throw unreadable(Rule.STRUCTURE, fromS3, "JPEG frame is " + width + "x" + height);
                }
            } else if (marker == 0xE1 && orientation == 0) {
                orientation = exifOrientation(b, pos + 4, end);
            } else if (marker == 0xDA) {
                if (width == 0) {
                    throw unreadable(Rule.STRUCTURE, fromS3, "JPEG has image data before any frame header");
                }
                if (!endOfImageAfter(b, end)) {
                    throw unreadable(Rule.STRUCTURE, fromS3, "JPEG is truncated: no end-of-image marker after its image data");
                }
                return new Header(Format.JPEG, width, height, Math.max(1, orientation), null);
            }
            pos = end;
        }
    }

    private static boolean endOfImageAfter(byte[] b, int from) {
        for (int i = b.length - 2; i >= from; i--) {
            if (u8(b, i) == 0xFF && u8(b, i + 1) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the orientation tag (0x0112) of IFD0 from an APP1 segment's payload: 0 when the segment is not EXIF (XMP,
     * say), 1 when the tag is absent, damaged or out of range (metadata never makes an image unusable), else 1-8.
     */
    static int exifOrientation(byte[] b, int from, int end) {
        if (end - from < 14 || !"Exif\0\0".equals(ascii(b, from, 6))) {
            return 0;
        }
        int tiff = from + 6;
        boolean little;
        String order = ascii(b, tiff, 2);
        if ("II".equals(order)) {
            little = true;
        } else if ("MM".equals(order)) {
            little = false;
        } else {
            return 1;
        }
        if (read16(b, tiff + 2, little) != 42) {
            return 1;
        }
        long ifd = tiff + (read32(b, tiff + 4, little) & 0xFFFFFFFFL);
        if (ifd + 2 > end) {
            return 1;
        }
        int count = read16(b, (int) ifd, little);
        for (int i = 0; i < count; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (read16(b, entry, little) == 0x0112) {
                int type = read16(b, entry + 2, little);
                int value = type == 3 ? read16(b, entry + 8, little) : type == 4 ? read32(b, entry + 8, little) : 0;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    // ---------------------------------------------------------------- PNG

    private static Header png(byte[] b, boolean fromS3) {
        int n = b.length;
        int pos = PNG_SIGNATURE.length;
        PngLayout layout = null;
        boolean palette = false;
        java.util.List<int[]> idat = new java.util.ArrayList<>();
        long idatBytes = 0;
        while (true) {
            if (pos + 12 > n) {
                throw unreadable(Rule.STRUCTURE, fromS3, layout == null ? "PNG ends inside its header"
                    : "PNG is truncated: no IEND chunk");
            }
            long length = u32(b, pos);
            String type = ascii(b, pos + 4, 4);
            if (length > Integer.MAX_VALUE || pos + 12 + length > n) {
                throw unreadable(Rule.STRUCTURE, fromS3, "PNG chunk " + type + " at byte " + pos + " runs past the end of the file");
            }
            int data = pos + 8;
            if (layout == null) {
                if (!type.equals("IHDR") || length != 13) {
                    throw unreadable(Rule.STRUCTURE, fromS3, "PNG starts with chunk " + type + " (" + length + " bytes), not a 13-byte IHDR");
                }
                layout = PngLayout.of(b, data);
                if (layout == null) {
                    throw unreadable(Rule.STRUCTURE, fromS3, "PNG header is invalid (size, bit depth, colour type or methods)");
                }
            } else if (type.equals("PLTE")) {
                palette = true;
            } else if (type.equals("IDAT")) {
                if (length > 0) {
                    idat.add(new int[] {data, (int) length});
                    idatBytes += length;
                }
            } else if (type.equals("IEND")) {
                break;
            }
            pos = data + (int) length + 4;
        }
        if (idat.isEmpty()) {
            throw unreadable(Rule.STRUCTURE, fromS3, "PNG has no image data (no IDAT before IEND)");
        }
        if (layout.colourType() == 3 && !palette) {
            throw unreadable(Rule.STRUCTURE, fromS3, "PNG with a palette colour type has no PLTE chunk");
        }
        int cmf = u8(b, idat.get(0)[0]);
        int flg = idat.get(0)[1] > 1 ? u8(b, idat.get(0)[0] + 1) : idat.size() > 1 ? u8(b, idat.get(1)[0]) : -1;
        if (flg < 0 || (cmf & 0x0F) != 8 || (cmf >> 4) > 7 || (cmf * 256 + flg) % 31 != 0 || (flg & 0x20) != 0) {
            throw unreadable(Rule.STRUCTURE, fromS3, "PNG image data is not a zlib stream");
        }
        long raw = layout.rawBytes();
        if (idatBytes * MAX_DEFLATE_RATIO + 1024 < raw) {
            throw unreadable(Rule.STRUCTURE, fromS3, "PNG declares " + layout.width() + "x" + layout.height() + " px (" + raw
                + " bytes of rows) but holds " + idatBytes + " bytes of image data, which cannot inflate to that");
        }
        return new Header(Format.PNG, layout.width(), layout.height(), 1, layout.withData(idat));
    }

    // ---------------------------------------------------------------- helpers

    private static Rejected unreadable(Rule rule, boolean fromS3, String detail) {
        return new Rejected(rule, fromS3 ? ServiceError.badRequest("InvalidS3ObjectException", S3_METADATA)
            : ServiceError.badRequest("InvalidImageFormatException", INVALID_FORMAT), detail);
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u16(byte[] b, int i) {
        return (u8(b, i) << 8) | u8(b, i + 1);
    }

    static long u32(byte[] b, int i) {
        return ((long) u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3);
    }

    private static int read16(byte[] b, int i, boolean little) {
        return little ? u8(b, i) | (u8(b, i + 1) << 8) : u16(b, i);
    }

    private static int read32(byte[] b, int i, boolean little) {
        return little ? read16(b, i, true) | (read16(b, i + 2, true) << 16) : (u16(b, i) << 16) | u16(b, i + 2);
    }

    private static String ascii(byte[] b, int from, int len) {
        if (from < 0 || from + len > b.length) {
            return "";
        }
        return new String(b, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && java.util.Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String hex(byte[] b, int max) {
        return java.util.HexFormat.ofDelimiter(" ").formatHex(b, 0, Math.min(max, b.length)).toUpperCase(Locale.ROOT);
    }
}
