package org.stancewatch.ingest.health;

import java.net.URI;
import java.util.Objects;

/**
 * How one of a source's listings (a feed, sitemap or section page) fared on a visit.
 *
 * @param url    the listing as the source names it
 * @param result what happened
 * @param detail what the fetch or the parser said, for the problem sentence
 */
public record ListingCheck(URI url, Result result, String detail) {

    /** What a visit found at a listing. */
    public enum Result {
        /** read, or unchanged since the last visit (304) */
        OK,
        /** answered 404 or 410 */
        GONE,
        /** answered, but not as a readable feed, sitemap or page */
        UNREADABLE,
        /** robots.txt does not allow it */
        ROBOTS_DISALLOWED,
        /** any other failure (a timeout, a 500): counted by the failure rules */
        FAILED
    }

    public ListingCheck {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(result, "result");
        detail = detail == null ? "" : detail;
    }

    public static ListingCheck ok(URI url) {
        return new ListingCheck(url, Result.OK, "");
    }

    /** Whether this listing's trouble counts toward DISCOVERY_GONE. */
    boolean gone() {
        return result == Result.GONE || result == Result.UNREADABLE;
    }
}
