package dev.rekoface.image;

import static dev.rekoface.InvalidImageException.Reason.BAD_DIMENSIONS;
import static dev.rekoface.InvalidImageException.Reason.BASE64_TEXT;
import static dev.rekoface.InvalidImageException.Reason.CORRUPT;
import static dev.rekoface.InvalidImageException.Reason.EMPTY;
import static dev.rekoface.InvalidImageException.Reason.UNSUPPORTED_FORMAT;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import dev.rekoface.InvalidImageException;
import dev.rekoface.model.ImageSize;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Checks image bytes against Rekognition's rules and reads their geometry. Order of checks: empty, base64 text,
 * format (from the magic bytes), size, structure (truncation), dimensions.
 */
final class ImageInspector {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageInspector() {
    }

    static LocalImage inspect(byte[] bytes, String desc, EnumSet<ImageOption> options) {
        if (bytes.length == 0) {
            throw new InvalidImageException(EMPTY, "image " + desc + " is empty (0 bytes); Rekognition needs 1 byte to 5 MB of JPEG or PNG");
        }
        checkNotText(bytes, desc);
        ImageFormat format = sniff(bytes, desc);
        boolean tooLarge = bytes.length > ImageSource.MAX_BYTES;
        if (tooLarge && !options.contains(ImageOption.DOWNSCALE_TO_FIT)) {
            throw LocalImageReader.tooLarge(desc, bytes.length, options);
        }
        ImageSize stored = format == ImageFormat.JPEG ? jpegSize(bytes, desc, true) : pngSize(bytes, desc, true);
        int orientation = format == ImageFormat.JPEG ? exifOrientation(bytes) : 1;
        ImageSize displayed = orientation >= 5 ? new ImageSize(stored.height(), stored.width()) : stored;
        if (stored.width() < ImageSource.MIN_SIDE || stored.height() < ImageSource.MIN_SIDE) {
            throw new InvalidImageException(BAD_DIMENSIONS, "image " + desc + " is " + displayed
                + " px; Rekognition needs at least 80 px on each side");
        }
        if (stored.width() > ImageSource.MAX_SIDE || stored.height() > ImageSource.MAX_SIDE) {
            throw new InvalidImageException(BAD_DIMENSIONS, "image " + desc + " is " + displayed + " px ("
                + String.format(Locale.ROOT, "%,d", (long) stored.width() * stored.height()) + " pixels); Rekognition accepts at "
                + "most 10000 px on each side (it answers ImageTooLargeException), so it is refused before it is decoded"
                + (tooLarge ? ", even with DOWNSCALE_TO_FIT" : ""));
        }
        if (tooLarge) {
            return Downscaler.downscale(bytes, desc, displayed, orientation);
        }
        return new LocalImage(bytes, format, stored, orientation, displayed, desc, false);
    }

    /** Refuses base64 text (or a data URL) handed over as raw bytes, a common mistake. */
    private static void checkNotText(byte[] bytes, String desc) {
        String head = LocalImageReader.ascii(bytes, 16);
        String hint = null;
        if (head.startsWith("/9j/")) {
            hint = "base64 text of a JPEG";
        } else if (head.startsWith("iVBORw0KGgo")) {
            hint = "base64 text of a PNG";
        } else if (head.regionMatches(true, 0, "data:image/", 0, 11)) {
            hint = "a data URL";
        }
        if (hint != null) {
            throw new InvalidImageException(BASE64_TEXT, "image " + desc + " is " + hint + " (starts with \""
                + LocalImageReader.abbreviate(head) + "\"), not image bytes; use ImageSource.fromBase64(String) or "
                + "ImageSource.fromDataUrl(String), which decode it");
        }
    }

    static ImageFormat sniff(byte[] b, String desc) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return ImageFormat.JPEG;
        }
        if (startsWith(b, PNG_SIGNATURE)) {
            return ImageFormat.PNG;
        }
        String other = otherFormat(b);
        String what = other != null ? "is " + other
            : "is not a JPEG or PNG image (it starts with bytes " + HexFormat.ofDelimiter(" ").formatHex(b, 0, Math.min(8, b.length)) + ")";
        throw new InvalidImageException(UNSUPPORTED_FORMAT, "image " + desc + " " + what
            + "; Rekognition accepts only JPEG and PNG (judged from the bytes, not the file name)");
    }

    private static String otherFormat(byte[] b) {
        String head = LocalImageReader.ascii(b, 16);
        if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) {
            return "a GIF image";
        }
        if (head.startsWith("BM") && b.length >= 14) {
            return "a BMP image";
        }
        if (head.startsWith("RIFF") && head.length() >= 12 && head.startsWith("WEBP", 8)) {
            return "a WebP image";
        }
        if (head.startsWith("II*\0") || head.startsWith("MM\0*")) {
            return "a TIFF image";
        }
        if (head.length() >= 12 && head.startsWith("ftyp", 4)) {
            String brand = head.substring(8, 12).toLowerCase(Locale.ROOT);
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                return "a HEIC/HEIF image";
            }
            if (brand.startsWith("avi")) {
                return "an AVIF image";
            }
        }
        if (head.startsWith("%PDF")) {
            return "a PDF document";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return "a damaged JPEG (no marker after the start of image)";
        }
        return null;
    }

    /** Walks the JPEG segments to the first SOS, reading the frame size; then requires an EOI after the scan. */
    static ImageSize jpegSize(byte[] b, String desc, boolean complete) {
        int n = b.length;
        int pos = 2;
        ImageSize size = null;
        while (true) {
            if (pos + 4 > n) {
                if (!complete && size != null) {
                    return size;
                }
                throw truncated(desc, "JPEG", "headers");
            }
            if ((b[pos] & 0xFF) != 0xFF) {
                throw new InvalidImageException(CORRUPT, "image " + desc + " is a damaged JPEG: expected a marker at byte " + pos);
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0xD9) {
                throw new InvalidImageException(CORRUPT, "image " + desc + " is a damaged JPEG: it ends before any image data");
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            if (length < 2 || pos + 2 + length > n) {
                if (!complete && size != null) {
                    return size;
                }
                if (!complete && pos + 9 <= n && marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                    return sofSize(b, pos, desc);
                }
                throw truncated(desc, "JPEG", "headers");
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && length >= 7) {
                size = sofSize(b, pos, desc);
                if (!complete) {
                    return size;
                }
            }
            if (marker == 0xDA) {
                if (size == null) {
                    throw new InvalidImageException(CORRUPT, "image " + desc + " is a damaged JPEG: no frame header before the image data");
                }
                int scanStart = pos + 2 + length;
                if (complete && !hasEoiAfter(b, scanStart)) {
                    throw truncated(desc, "JPEG", "image data (no end-of-image marker)");
                }
                return size;
            }
            pos += 2 + length;
        }
    }

    private static ImageSize sofSize(byte[] b, int pos, String desc) {
        int h = ((b[pos + 5] & 0xFF) << 8) | (b[pos + 6] & 0xFF);
        int w = ((b[pos + 7] & 0xFF) << 8) | (b[pos + 8] & 0xFF);
        if (w == 0 || h == 0) {
            throw new InvalidImageException(CORRUPT, "image " + desc + " is a damaged JPEG: its frame is " + w + "x" + h);
        }
        return new ImageSize(w, h);
    }

    private static boolean hasEoiAfter(byte[] b, int from) {
        for (int i = b.length - 2; i >= from; i--) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /**
     * Walks the PNG chunks: IHDR first, every chunk inside the file, IEND at the end. For a complete file, also
     * requires image data that starts as a zlib stream and is large enough to hold the declared rows (see
     * {@link #checkPngData}).
     */
    static ImageSize pngSize(byte[] b, String desc, boolean complete) {
        int n = b.length;
        int pos = 8;
        ImageSize size = null;
        long idatBytes = 0;
        int zlibHeader = -1; // the first two bytes of the image data, once two are seen
        int firstIdatByte = -1;
        while (true) {
            if (pos + 12 > n) {
                if (!complete && size != null) {
                    return size;
                }
                throw truncated(desc, "PNG", size == null ? "header" : "data (no IEND chunk)");
            }
            long length = readInt(b, pos) & 0xFFFFFFFFL;
            String type = LocalImageReader.ascii(java.util.Arrays.copyOfRange(b, pos + 4, pos + 8), 4);
            if (pos + 12 + length > n) {
                if (!complete && size != null) {
                    return size;
                }
                if (!complete && type.equals("IHDR") && pos + 16 <= n) {
                    return new ImageSize(readInt(b, pos + 8), readInt(b, pos + 12));
                }
                throw truncated(desc, "PNG", "chunk " + type);
            }
            if (size == null) {
                if (!type.equals("IHDR") || length < 8) {
                    throw new InvalidImageException(CORRUPT, "image " + desc + " is a damaged PNG: the first chunk is " + type + ", not IHDR");
                }
                int w = readInt(b, pos + 8);
                int h = readInt(b, pos + 12);
                if (w <= 0 || h <= 0) {
                    throw new InvalidImageException(CORRUPT, "image " + desc + " is a damaged PNG: its header says " + w + "x" + h);
                }
                size = new ImageSize(w, h);
                if (!complete) {
                    return size;
                }
            }
            if (type.equals("IDAT") && length > 0) {
                if (firstIdatByte < 0) {
                    firstIdatByte = b[pos + 8] & 0xFF;
                    if (length > 1) {
                        zlibHeader = firstIdatByte << 8 | (b[pos + 9] & 0xFF);
                    }
                } else if (zlibHeader < 0) {
                    zlibHeader = firstIdatByte << 8 | (b[pos + 8] & 0xFF);
                }
                idatBytes += length;
            }
            if (type.equals("IEND")) {
                checkPngData(b, desc, size, idatBytes, zlibHeader);
                return size;
            }
            pos += 12 + (int) length;
        }
    }

    /**
     * Refuses a PNG whose image data cannot decode: none at all, data that is not a zlib stream, or less data than
     * the declared rows need even at deflate's best ratio (1032:1), such as a file of a few bytes declaring
     * 20000 x 20000 pixels.
     */
    private static void checkPngData(byte[] b, String desc, ImageSize size, long idatBytes, int zlibHeader) {
        if (idatBytes == 0) {
            throw new InvalidImageException(CORRUPT, "image " + desc + " is a damaged PNG: it has no image data (no IDAT chunk before IEND)");
        }
        int cmf = zlibHeader >> 8;
        if (zlibHeader < 0 || (cmf & 0x0F) != 8 || (cmf >> 4) > 7 || zlibHeader % 31 != 0 || (zlibHeader & 0x20) != 0) {
            throw new InvalidImageException(CORRUPT, "image " + desc + " is a damaged PNG: its image data is not a zlib stream");
        }
        if (readInt(b, 8) < 13) {
            return; // a short header: its bit depth and colour type are not known
        }
        int depth = b[24] & 0xFF;
        int channels = switch (b[25] & 0xFF) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
        // the pixels alone, without filter bytes or row padding: a lower bound for interlaced files too
        double needed = (double) size.width() * size.height() * channels * depth / 8;
        if (idatBytes * 1032.0 + 1024 < needed) {
            throw new InvalidImageException(CORRUPT, "image " + desc + " is a damaged PNG: it declares " + size + " px ("
                + String.format(Locale.ROOT, "%.0f", needed) + " bytes of pixels) but holds " + idatBytes
                + " bytes of image data, which cannot inflate to that");
        }
    }

    private static int readInt(byte[] b, int pos) {
        return ((b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
    }

    private static InvalidImageException truncated(String desc, String format, String where) {
        return new InvalidImageException(CORRUPT, "image " + desc + " is a truncated " + format + ": it ends inside its " + where);
    }

    /** Reads the EXIF orientation with metadata-extractor; 1 when absent or unreadable. */
    static int exifOrientation(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int o = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return o >= 1 && o <= 8 ? o : 1;
            }
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
            // Metadata is optional: a damaged EXIF block must not make a valid image unusable.
            return 1;
        }
        return 1;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String formatSize(long bytes) {
        if (bytes < 1024 * 1024) {
            return bytes + " bytes";
        }
        return String.format(Locale.ROOT, "%.1f MB (%d bytes)", bytes / (1024.0 * 1024.0), bytes);
    }
}
