package org.stancewatch.ingest.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the date formats publishers put in metadata: ISO 8601 with or without an offset (with
 * or without its colon), a plain date, {@code yyyy-MM-dd HH:mm:ss}, and RFC 1123. A time
 * without an offset is taken as UTC. Years outside 1990..2100 are refused as misparses.
 */
public final class DateParsing {
    private static final DateTimeFormatter OFFSET_NO_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME).appendPattern("[XX][X]").toFormatter(Locale.ROOT);
    private static final DateTimeFormatter SPACE_SEPARATED = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME).optionalStart().appendPattern("[XXX][XX][X]")
            .optionalEnd().toFormatter(Locale.ROOT);
    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME, OFFSET_NO_COLON, DateTimeFormatter.RFC_1123_DATE_TIME);

    private DateParsing() {}

    /** The instant the text names, if it is a date in one of the known formats. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.length() < 8 || value.length() > 64) {
            return Optional.empty();
        }
        return parseStrict(value).filter(DateParsing::plausible);
    }

    private static Optional<Instant> parseStrict(String value) {
        if (value.endsWith("Z") || value.endsWith("z")) {
            try {
                return Optional.of(OffsetDateTime.parse(value.substring(0, value.length() - 1) + "Z").toInstant());
            } catch (DateTimeParseException ignored) {
                // try the others
            }
        }
        for (DateTimeFormatter formatter : ZONED) {
            try {
                var parsed = formatter.parse(value);
                if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                    return Optional.of(ZonedDateTime.from(parsed).toInstant());
                }
                return Optional.of(LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC));
            } catch (java.time.DateTimeException ignored) {
                // try the next format
            }
        }
        try {
            var parsed = SPACE_SEPARATED.parse(value);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Optional.of(OffsetDateTime.from(parsed).toInstant());
            }
            return Optional.of(LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC));
        } catch (java.time.DateTimeException ignored) {
            // fall through
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            String day = value.length() > 10 ? value.substring(0, 10) : value;
            return Optional.of(LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    static boolean plausible(Instant instant) {
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        return year >= 1990 && year <= 2100;
    }
}
