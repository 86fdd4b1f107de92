package org.stancewatch.ingest.extract;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stancewatch.model.DateSource;

/** Dates that publishers put in article paths: {@code /2011/03/17/}, {@code /2011-03-17-}, {@code /20110317/}. */
final class UrlDates {
    private static final Pattern SLASHED = Pattern.compile("/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})(?:/|$)");
    private static final Pattern DASHED = Pattern.compile("[/_-]((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?:[/_.-]|$)");
    private static final Pattern COMPACT = Pattern.compile("/((?:19|20)\\d{2})(\\d{2})(\\d{2})(?:[/_.-]|$)");

    private UrlDates() {}

    static Optional<PublishedDate> from(URI url) {
        String path = url.getRawPath();
        if (path == null) {
            return Optional.empty();
        }
        for (Pattern pattern : new Pattern[] {SLASHED, DASHED, COMPACT}) {
            Matcher m = pattern.matcher(path);
            if (m.find()) {
                try {
                    LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                    return Optional.of(new PublishedDate(day.atStartOfDay(ZoneOffset.UTC).toInstant(), DateSource.URL));
                } catch (DateTimeException e) {
                    // digits that are not a date; try the next form
                }
            }
        }
        return Optional.empty();
    }
}
