package org.stancewatch.app.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One article of the demo site, as written in its Markdown file.
 *
 * @param outletId   the outlet that publishes it
 * @param key        {@code <outlet>/<file name without .md>}: how copies refer to originals
 * @param slug       URL slug
 * @param title      headline
 * @param kind       news, analysis, opinion or editorial
 * @param section    site section, e.g. world
 * @param author     byline
 * @param published  publication time
 * @param copyOf     key of the wire story this one republishes, or null
 * @param paragraphs the body
 */
public record DemoArticle(String outletId, String key, String slug, String title, String kind, String section,
                          String author, Instant published, String copyOf, List<String> paragraphs) {

    private static final DateTimeFormatter DATE_PATH =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    public DemoArticle {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The page's path on its outlet's site, e.g. {@code /world/2011/11/24/kremlin-threatens.html}. */
    public String path() {
        return "/" + section + "/" + DATE_PATH.format(published) + "/" + slug + ".html";
    }

    /** A short summary for feeds: the first paragraph. */
    public String summary() {
        return paragraphs.isEmpty() ? "" : paragraphs.getFirst();
    }
}
