package org.stancewatch.notify.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.stancewatch.model.Alert;
import org.stancewatch.model.StanceBucket;

/** How numbers, dates and series names read in a notice; one place so text and HTML agree. */
final class Figures {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Figures() {}

    /** A stance score with its sign: {@code +0.05}, {@code -0.42}. */
    static String score(double score) {
        String formatted = String.format(Locale.ROOT, "%+.2f", score);
        return formatted.equals("-0.00") ? "+0.00" : formatted;
    }

    /** A share of all mentions as a percentage: {@code 0.02} reads {@code 2.0%}. */
    static String share(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** The detector's significance figure, one decimal. */
    static String significance(double z) {
        return String.format(Locale.ROOT, "%.1f", z);
    }

    /** A window's length as a person says it: {@code 30 days}, {@code 1 day}, {@code 6 hours}. */
    static String span(Instant from, Instant to) {
        Duration length = Duration.between(from, to);
        if (length.toHours() >= 24 && length.toHours() % 24 == 0) {
            return plural(length.toDays(), "day");
        }
        if (length.toMinutes() >= 60 && length.toMinutes() % 60 == 0) {
            return plural(length.toHours(), "hour");
        }
        return plural(length.toMinutes(), "minute");
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String day(Instant instant) {
        return DAY.format(instant);
    }

    static String minute(Instant instant) {
        return MINUTE.format(instant);
    }

    /** {@code russia on missile-defense in nytimes.com}, with "all topics", "all outlets" for {@link StanceBucket#ALL}. */
    static String series(Alert alert) {
        return alert.actor() + " on " + orAll(alert.topic(), "topics") + " in " + orAll(alert.outlet(), "outlets");
    }

    private static String orAll(String value, String plural) {
        return StanceBucket.ALL.equals(value) ? "all " + plural : value;
    }
}
