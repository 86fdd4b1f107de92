package org.stancewatch.ingest.discover;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A candidate article URL and what its listing said about it.
 *
 * @param url       the article's URL, absolute
 * @param published the publication time the feed or news sitemap gave (or a sitemap's lastmod), or null
 * @param title     the title the listing gave, or empty
 * @param via       the feed, sitemap or section page it came from
 */
public record DiscoveredLink(URI url, Instant published, String title, URI via) {
    public DiscoveredLink {
        Objects.requireNonNull(url, "url");
        title = title == null ? "" : title;
    }
}
