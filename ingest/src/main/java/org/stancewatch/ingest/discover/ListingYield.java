package org.stancewatch.ingest.discover;

import java.net.URI;

/**
 * What one listing (a feed, sitemap or section page) gave on a visit: for {@code stancewatch
 * sources check}, which shows each listing's answer and how many of its items are articles.
 *
 * @param url      the listing
 * @param status   the HTTP status it answered with (0 when no answer came: DNS, timeout, refused by robots.txt)
 * @param read     whether it was parsed as what it is
 * @param index    a sitemap index: {@code found} counts its sitemaps, followed as listings of their own
 * @param found    items listed (links, for a section page)
 * @param accepted of those, the ones the source's article patterns accept
 * @param rejected one item the patterns refused, for a message, or null
 * @param failure  the reason code of its failure (as in its dead letter), empty when it was read
 */
public record ListingYield(URI url, int status, boolean read, boolean index, int found, int accepted, URI rejected,
                           String failure) {

    static ListingYield answered(URI url, int status) {
        return new ListingYield(url, status, false, false, 0, 0, null, "");
    }

    ListingYield counted(boolean isIndex, int items, int articles, URI refused) {
        return new ListingYield(url, status, true, isIndex, items, articles, refused, "");
    }

    ListingYield failed(String reason) {
        return new ListingYield(url, status, false, false, 0, 0, null, reason);
    }
}
