package org.stancewatch.ingest.health;

import java.time.Instant;
import java.util.List;

/**
 * What one visit of a source found, the input of the health rules.
 *
 * @param start       when the visit began
 * @param end         when it ended
 * @param newArticles articles published for the first time (revisions not counted)
 * @param fetches     fetches tried: listings and article pages
 * @param failures    of those, the ones that failed to fetch or to read
 * @param deadLetters dead letters written
 * @param listings    how each of the source's own feeds, sitemaps and section pages fared
 * @param blocked     of the failures, the fetches answered with a bot challenge or a consent wall
 */
public record Visit(Instant start, Instant end, long newArticles, long fetches, long failures, long deadLetters,
                    List<ListingCheck> listings, long blocked) {
    public Visit {
        listings = List.copyOf(listings);
    }

    /** A visit that met no bot challenge or consent wall. */
    public Visit(Instant start, Instant end, long newArticles, long fetches, long failures, long deadLetters,
                 List<ListingCheck> listings) {
        this(start, end, newArticles, fetches, failures, deadLetters, listings, 0);
    }

    /** Discovery worked when at least one listing could be read (or was unchanged). */
    public boolean discoveryWorked() {
        return listings.stream().anyMatch(l -> l.result() == ListingCheck.Result.OK);
    }
}
