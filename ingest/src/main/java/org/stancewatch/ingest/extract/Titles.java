package org.stancewatch.ingest.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans a headline of what sites append to it: their name and a date ("Headline | DW |
 * 28.04.2023", "Headline - The Site") or put before it ("Site: Headline"). Only a part that is
 * the site's name or a date goes, so a headline with a dash or a pipe of its own keeps it.
 */
final class Titles {
    /** Separators between a headline and a site's name; a dash counts only with spaces around it. */
    private static final List<String> SEPARATORS = List.of("|", " - ", " – ", " — ", " :: ", " · ", " » ", " / ");
    private static final Pattern DATE = Pattern.compile(
            "(?i)\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}"
                    + "|\\d{1,2}\\.?\\s+\\p{L}+\\.?\\s+\\d{4}|\\p{L}+\\.?\\s+\\d{1,2},?\\s+\\d{4}");
    /** "Site: Headline", "Site | Headline", "Site - Headline". */
    private static final Pattern FIRST_PART = Pattern.compile("^([^:|]{2,40}?)\\s*(?::|\\||\\s-|\\s–|\\s—)\\s+(.+)$");
    /** Site name and date parts are few; a title is never cut more than this many times. */
    private static final int MAX_PARTS_REMOVED = 4;

    private Titles() {}

    static String clean(String title, SiteNames site) {
        String cleaned = title.strip();
        for (int i = 0; i < MAX_PARTS_REMOVED; i++) {
            int[] separator = lastSeparator(cleaned);
            if (separator == null) {
                break;
            }
            String part = cleaned.substring(separator[0] + separator[1]).strip();
            if (!(part.isEmpty() || site.names(part) || DATE.matcher(part).matches())) {
                break;
            }
            cleaned = cleaned.substring(0, separator[0]).strip();
        }
        Matcher first = FIRST_PART.matcher(cleaned);
        if (first.matches() && site.names(first.group(1))) {
            cleaned = first.group(2).strip();
        }
        return cleaned.isEmpty() ? title.strip() : cleaned;
    }

    /** The position and length of the last separator after the title's start, or null. */
    private static int[] lastSeparator(String title) {
        int[] last = null;
        for (String separator : SEPARATORS) {
            int at = title.lastIndexOf(separator);
            if (at > 0 && (last == null || at > last[0])) {
                last = new int[] {at, separator.length()};
            }
        }
        return last;
    }
}
