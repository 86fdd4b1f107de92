package org.stancewatch.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads a time option: a year ({@code 2011}), a month ({@code 2011-03}), a day
 * ({@code 2011-03-17}) or an ISO-8601 time ({@code 2011-03-17T10:00:00Z}); dates mean their start,
 * in UTC.
 */
final class TimeConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String text = value.strip();
        try {
            if (text.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(text), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(text).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a time: use 2011, 2011-03, 2011-03-17 or 2011-03-17T10:00:00Z");
        }
    }
}
