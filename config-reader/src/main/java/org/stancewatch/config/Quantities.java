package org.stancewatch.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value syntaxes of the YAML configuration files: durations ({@code 30m}, {@code 2h}, {@code PT30M}) and sizes ({@code 8MB}). */
public final class Quantities {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");

    private Quantities() {}

    /** Parses {@code 500ms}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT30M}). */
    public static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(value);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            long millis = switch (m.group(2)) {
                case "ms" -> Math.round(amount);
                case "s" -> Math.round(amount * 1000);
                case "m" -> Math.round(amount * 60_000);
                case "h" -> Math.round(amount * 3_600_000);
                default -> Math.round(amount * 86_400_000);
            };
            return Duration.ofMillis(millis);
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (use e.g. 500ms, 30s, 15m, 2h, 1d)");
        }
    }

    /** Parses a byte size: {@code 1048576}, {@code 512KB}, {@code 8MB} (powers of 1024). */
    public static long size(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (use e.g. 512KB, 8MB)");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "b" -> amount;
            case "kb", "kib" -> amount * 1024;
            case "mb", "mib" -> amount * 1024 * 1024;
            default -> amount * 1024 * 1024 * 1024;
        };
    }
}
