package dev.rekoface.cli;

import dev.rekoface.InvalidArgumentException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as people write them: {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}, or ISO-8601. */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @param text e.g. {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d} or {@code PT1H}
     * @return the duration
     * @throws InvalidArgumentException naming the text when it is not a duration
     */
    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException("duration", "'" + text + "' is not a duration; write e.g. 90s, 15m, 1h or 7d");
        }
    }

    /** Formats a duration the way {@link #parse} reads it (largest exact unit). */
    static String format(Duration d) {
        long s = d.getSeconds();
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
