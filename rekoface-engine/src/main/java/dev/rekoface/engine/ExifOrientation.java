package dev.rekoface.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the EXIF orientation of a JPEG: tag 0x0112 of IFD0 in the first APP1 segment that holds EXIF, looked for
 * among the segments before the first scan. Metadata never makes an image unusable: a missing, damaged or
 * out-of-range tag, a PNG and anything else give 1 (upright). Stateless and thread-safe.
 */
final class ExifOrientation {
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;

    private ExifOrientation() {
    }

    /**
     * Returns the orientation an image's bytes declare.
     *
     * @param image the image bytes
     * @return 1 (upright, or not declared) to 8
     */
    static int of(byte[] image) {
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.BIG_ENDIAN);
        if (b.remaining() < 4 || b.getShort(0) != (short) 0xFFD8) {
            return 1;
        }
        int at = 2;
        while (at + 4 <= b.limit()) {
            if (b.get(at) != (byte) 0xFF) {
                return 1;
            }
            int marker = b.get(at + 1) & 0xFF;
            if (marker == 0xFF) {
                at += 1; // fill byte
            } else if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2; // a marker without a length
            } else if (marker == 0xDA || marker == 0xD9 || marker == 0xD8) {
                return 1; // image data (or the end) reached without EXIF
            } else {
                int length = b.getShort(at + 2) & 0xFFFF;
                int next = at + 2 + length;
                if (length < 2 || next > b.limit()) {
                    return 1;
                }
                if (marker == 0xE1) {
                    int found = inApp1(b.slice(at + 4, length - 2));
                    if (found > 0) {
                        return found;
                    }
                }
                at = next;
            }
        }
        return 1;
    }

    /** The orientation in an APP1 payload: 0 when it is not EXIF (XMP, say), else 1-8 (1 when absent or damaged). */
    private static int inApp1(ByteBuffer app1) {
        if (app1.remaining() < 14 || app1.getInt(0) != 0x45786966 || app1.getShort(4) != 0) { // "Exif\0\0"
            return 0;
        }
        ByteBuffer tiff = app1.slice(6, app1.remaining() - 6);
        short order = tiff.getShort(0);
        if (order == 0x4949) { // "II"
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (order != 0x4D4D) { // "MM"
            return 1;
        }
        if ((tiff.getShort(2) & 0xFFFF) != 42) {
            return 1;
        }
        long ifd0 = tiff.getInt(4) & 0xFFFFFFFFL;
        if (ifd0 + 2 > tiff.limit()) {
            return 1;
        }
        int entries = tiff.getShort((int) ifd0) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd0 + 2 + 12 * i;
            if (entry + 12 > tiff.limit()) {
                return 1;
            }
            if ((tiff.getShort(entry) & 0xFFFF) == TAG_ORIENTATION) {
                int type = tiff.getShort(entry + 2) & 0xFFFF;
                int value = type == TYPE_SHORT ? tiff.getShort(entry + 8) & 0xFFFF : type == TYPE_LONG ? tiff.getInt(entry + 8) : 0;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }
}
