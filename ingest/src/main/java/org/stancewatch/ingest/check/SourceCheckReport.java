package org.stancewatch.ingest.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One source's check: each listing's answer, the article read, and the verdict with its reason.
 *
 * @param source   the source's id
 * @param name     its name for people
 * @param verdict  the conclusion
 * @param reason   one sentence: why, and what to do when it failed
 * @param listings its feeds, sitemaps and section pages, in the order they were tried
 * @param article  the article tried, or null when none got that far
 * @param took     how long the check took
 */
public record SourceCheckReport(String source, String name, CheckVerdict verdict, String reason,
                                List<ListingProbe> listings, ArticleProbe article, Duration took) {
    public SourceCheckReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(verdict, "verdict");
        reason = reason == null ? "" : reason;
        listings = List.copyOf(listings);
        took = took == null ? Duration.ZERO : took;
    }
}
