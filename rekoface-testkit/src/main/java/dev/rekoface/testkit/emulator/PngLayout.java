package dev.rekoface.testkit.emulator;

import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The scanline layout a PNG header declares, and the check that its image data inflates to it: every row of every
 * pass present, each starting with a filter type 0-4. Inflating goes through one 64 KB buffer, so the check costs
 * time in proportion to the pixels but no memory (rows beyond the declared ones are not read).
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param bitDepth bits per sample
 * @param colourType 0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA
 * @param interlaced whether the rows come in the seven Adam7 passes
 * @param idat offset and length of each non-empty IDAT chunk's data, in order (empty until {@link #withData})
 */
record PngLayout(int width, int height, int bitDepth, int colourType, boolean interlaced, List<int[]> idat) {
    /** Adam7 passes: x start, y start, x step, y step. */
    private static final int[][] ADAM7 = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    private static final int[][] SINGLE = {{0, 0, 1, 1}};

    /**
     * Reads an IHDR payload.
     *
     * @param b the file
     * @param at where the 13 bytes of the payload start
     * @return the layout, or null when a field is invalid (size 0 or over 2^31 - 1, a bit depth the colour type does
     *     not allow, a compression, filter or interlace method other than the standard ones)
     */
    static PngLayout of(byte[] b, int at) {
        long w = ImageRules.u32(b, at);
        long h = ImageRules.u32(b, at + 4);
        int depth = ImageRules.u8(b, at + 8);
        int colour = ImageRules.u8(b, at + 9);
        if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            return null;
        }
        boolean depthOk = switch (colour) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case 2, 4, 6 -> depth == 8 || depth == 16;
            default -> false;
        };
        int interlace = ImageRules.u8(b, at + 12);
        if (!depthOk || ImageRules.u8(b, at + 10) != 0 || ImageRules.u8(b, at + 11) != 0 || interlace > 1) {
            return null;
        }
        return new PngLayout((int) w, (int) h, depth, colour, interlace == 1, List.of());
    }

    /** Returns a copy that knows where the image data is. */
    PngLayout withData(List<int[]> chunks) {
        return new PngLayout(width, height, bitDepth, colourType, interlaced, List.copyOf(chunks));
    }

    private int bitsPerPixel() {
        int channels = switch (colourType) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
        return channels * bitDepth;
    }

    /** Returns the rows of each pass (0 for an empty pass) and their length in bytes, filter byte included. */
    private long[][] passes() {
        int[][] p = interlaced ? ADAM7 : SINGLE;
        long[][] out = new long[p.length][2];
        for (int i = 0; i < p.length; i++) {
            long pw = width > p[i][0] ? (width - p[i][0] + p[i][2] - 1L) / p[i][2] : 0;
            long ph = height > p[i][1] ? (height - p[i][1] + p[i][3] - 1L) / p[i][3] : 0;
            out[i][0] = pw == 0 ? 0 : ph;
            out[i][1] = 1 + (pw * bitsPerPixel() + 7) / 8;
        }
        return out;
    }

    /**
     * Returns how many bytes the inflated image data must hold: every row of every pass with its filter byte
     * ({@link Long#MAX_VALUE} when that does not fit in a long, for sides near 2^31).
     */
    long rawBytes() {
        long total = 0;
        try {
            for (long[] pass : passes()) {
                total = Math.addExact(total, Math.multiplyExact(pass[0], pass[1]));
            }
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        return total;
    }

    /**
     * Inflates the image data and checks it against the layout.
     *
     * @param b the file
     * @return null when every declared row is there with a valid filter type, else what is wrong
     */
    String pixelDataProblem(byte[] b) {
        long[][] passes = passes();
        long expected = rawBytes();
        long produced = 0;
        int pass = nextPass(passes, 0);
        long rowsLeft = passes[pass][0];
        long inRow = 0;
        int chunk = 0;
        byte[] out = new byte[1 << 16];
        Inflater inflater = new Inflater();
        try {
            while (produced < expected) {
                if (inflater.needsInput()) {
                    if (chunk == idat.size()) {
                        return "the data ends after " + produced + " of " + expected + " bytes of rows";
                    }
                    int[] c = idat.get(chunk++);
                    inflater.setInput(b, c[0], c[1]);
                    continue;
                }
                if (inflater.needsDictionary()) {
                    return "the zlib stream needs a preset dictionary";
                }
                int k = inflater.inflate(out);
                if (k == 0) {
                    if (inflater.finished()) {
                        return "the zlib stream ends after " + produced + " of " + expected + " bytes of rows";
                    }
                    if (!inflater.needsInput() && !inflater.needsDictionary()) {
                        return "the zlib stream does not progress";
                    }
                    continue;
                }
                int i = 0;
                while (i < k && produced < expected) {
                    if (inRow == 0 && (out[i] & 0xFF) > 4) {
                        return "a row " + (produced == 0 ? "" : "at byte " + produced + " ") + "has filter type " + (out[i] & 0xFF);
                    }
                    long take = Math.min(k - i, Math.min(passes[pass][1] - inRow, expected - produced));
                    i += (int) take;
                    inRow += take;
                    produced += take;
                    if (inRow == passes[pass][1]) {
                        inRow = 0;
                        if (--rowsLeft == 0 && produced < expected) {
                            pass = nextPass(passes, pass + 1);
                            rowsLeft = passes[pass][0];
                        }
                    }
                }
            }
            return null;
        } catch (DataFormatException e) {
            return "the zlib stream is damaged (" + e.getMessage() + ")";
        } finally {
            inflater.end();
        }
    }

    private static int nextPass(long[][] passes, int from) {
        int p = from;
        while (p < passes.length - 1 && passes[p][0] == 0) {
            p++;
        }
        return p;
    }
}
