package dev.rekoface.image;

import static dev.rekoface.InvalidImageException.Reason.FILE_NOT_FOUND;
import static dev.rekoface.InvalidImageException.Reason.MALFORMED_TEXT;
import static dev.rekoface.InvalidImageException.Reason.NOT_A_FILE;
import static dev.rekoface.InvalidImageException.Reason.TOO_LARGE;
import static dev.rekoface.InvalidImageException.Reason.UNREADABLE;

import dev.rekoface.InvalidImageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local factories behind {@link ImageSource}: read, decode text, then hand over to {@link ImageInspector}. */
final class LocalImageReader {
    /** Largest input accepted when downscaling is allowed. */
    static final int MAX_DOWNSCALE_INPUT = 64 * 1024 * 1024;

    private static final Pattern DATA_URL = Pattern.compile(
        "data:(?<type>[a-zA-Z0-9.+\\-]+/[a-zA-Z0-9.+\\-]+)?(?<params>(?:;[a-zA-Z0-9\\-]+=[^;,]*)*)(?<b64>;base64)?,(?<data>.*)",
        Pattern.DOTALL);

    private LocalImageReader() {
    }

    static LocalImage fromBytes(byte[] bytes, ImageOption... options) {
        Objects.requireNonNull(bytes, "bytes");
        return ImageInspector.inspect(bytes.clone(), "bytes", set(options));
    }

    static LocalImage fromFile(Path file, ImageOption... options) {
        Objects.requireNonNull(file, "file");
        EnumSet<ImageOption> opts = set(options);
        String desc = "file " + file;
        if (!Files.exists(file)) {
            throw new InvalidImageException(FILE_NOT_FOUND, "image file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidImageException(NOT_A_FILE, "image path " + file + " is "
                + (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(file) ? "a directory" : "not a regular file")
                + ", not an image file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidImageException(UNREADABLE, "image file " + file + " is not readable (check its permissions)");
        }
        long limit = opts.contains(ImageOption.DOWNSCALE_TO_FIT) ? MAX_DOWNSCALE_INPUT : ImageSource.MAX_BYTES;
        try {
            long size = Files.size(file);
            if (size > limit) {
                throw tooLarge(desc, size, opts);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return ImageInspector.inspect(readBounded(in, limit, desc, opts), desc, opts);
            }
        } catch (IOException e) {
            throw new InvalidImageException(UNREADABLE, "image file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    static LocalImage fromStream(InputStream in, ImageOption... options) {
        Objects.requireNonNull(in, "in");
        EnumSet<ImageOption> opts = set(options);
        long limit = opts.contains(ImageOption.DOWNSCALE_TO_FIT) ? MAX_DOWNSCALE_INPUT : ImageSource.MAX_BYTES;
        try {
            return ImageInspector.inspect(readBounded(in, limit, "stream", opts), "stream", opts);
        } catch (IOException e) {
            throw new InvalidImageException(UNREADABLE, "image stream could not be read: " + e.getMessage(), e);
        }
    }

    static LocalImage fromBase64(String base64, ImageOption... options) {
        Objects.requireNonNull(base64, "base64");
        String text = base64.strip();
        if (text.regionMatches(true, 0, "data:", 0, 5)) {
            return fromDataUrl(text, options);
        }
        return ImageInspector.inspect(decodeBase64(text, "base64 text"), "base64 text", set(options));
    }

    static LocalImage fromDataUrl(String dataUrl, ImageOption... options) {
        Objects.requireNonNull(dataUrl, "dataUrl");
        String text = dataUrl.strip();
        Matcher m = DATA_URL.matcher(text);
        if (!m.matches()) {
            throw new InvalidImageException(MALFORMED_TEXT, "malformed data URL '" + abbreviate(text)
                + "': expected data:image/jpeg;base64,<data> or data:image/png;base64,<data>");
        }
        String type = m.group("type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("image/")) {
            throw new InvalidImageException(MALFORMED_TEXT, "data URL '" + abbreviate(text) + "' has media type "
                + (type == null ? "(none)" : "'" + type + "'") + "; expected image/jpeg or image/png");
        }
        if (m.group("b64") == null) {
            throw new InvalidImageException(MALFORMED_TEXT, "data URL '" + abbreviate(text)
                + "' is not base64-encoded (';base64' is missing before the comma)");
        }
        if (m.group("data").isBlank()) {
            throw new InvalidImageException(MALFORMED_TEXT, "data URL '" + abbreviate(text) + "' has no data after the comma");
        }
        return ImageInspector.inspect(decodeBase64(m.group("data"), "data URL"), "data URL (" + type + ")", set(options));
    }

    private static byte[] decodeBase64(String text, String what) {
        String compact = text.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            throw new InvalidImageException(MALFORMED_TEXT, what + " is empty");
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException standard) {
            try {
                return Base64.getUrlDecoder().decode(compact);
            } catch (IllegalArgumentException urlSafe) {
                throw new InvalidImageException(MALFORMED_TEXT, what + " '" + abbreviate(compact)
                    + "' is not valid base64: " + standard.getMessage(), standard);
            }
        }
    }

    private static byte[] readBounded(InputStream in, long limit, String desc, EnumSet<ImageOption> opts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) != -1; ) {
            total += n;
            if (total > limit) {
                throw tooLarge(desc, total, opts);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static InvalidImageException tooLarge(String desc, long size, EnumSet<ImageOption> opts) {
        boolean downscale = opts.contains(ImageOption.DOWNSCALE_TO_FIT);
        long limit = downscale ? MAX_DOWNSCALE_INPUT : ImageSource.MAX_BYTES;
        String actual = size > limit && desc.equals("stream")
            ? "over " + ImageInspector.formatSize(limit) : ImageInspector.formatSize(size);
        if (downscale) {
            return new InvalidImageException(TOO_LARGE, "image " + desc + " is " + actual
                + "; even with DOWNSCALE_TO_FIT at most " + ImageInspector.formatSize(limit) + " are read");
        }
        return new InvalidImageException(TOO_LARGE, "image " + desc + " is " + actual
            + "; Rekognition accepts at most 5 MB (5242880 bytes) as bytes "
            + "(use ImageOption.DOWNSCALE_TO_FIT to re-encode it smaller, or put it in S3, where 15 MB is allowed)");
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }

    private static EnumSet<ImageOption> set(ImageOption... options) {
        EnumSet<ImageOption> set = EnumSet.noneOf(ImageOption.class);
        for (ImageOption o : Objects.requireNonNull(options, "options")) {
            set.add(Objects.requireNonNull(o, "option"));
        }
        return set;
    }

    static String ascii(byte[] bytes, int n) {
        return new String(bytes, 0, Math.min(n, bytes.length), StandardCharsets.ISO_8859_1);
    }
}
