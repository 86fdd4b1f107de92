package org.stancewatch.ingest.crawl;

import java.time.Instant;
import java.util.Optional;
import org.stancewatch.ingest.extract.PublishedDate;
import org.stancewatch.model.DateSource;

/**
 * Picks an article's publication date from what is known, most trustworthy first: the page's
 * own structured data, meta tags or {@code <time>}; the feed's or news sitemap's date; a date in
 * the URL; and last the fetch time, marked as such so that analysis can discount it.
 */
final class PublishedDateChoice {
    private PublishedDateChoice() {}

    static PublishedDate choose(Optional<PublishedDate> fromPage, Instant fromListing, Instant fetchedAt) {
        if (fromPage.isPresent() && fromPage.get().source() != DateSource.URL) {
            return fromPage.get();
        }
        if (fromListing != null) {
            return new PublishedDate(fromListing, DateSource.FEED);
        }
        return fromPage.orElse(new PublishedDate(fetchedAt, DateSource.FETCHED));
    }
}
