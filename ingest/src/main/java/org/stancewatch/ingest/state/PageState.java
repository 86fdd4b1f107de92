package org.stancewatch.ingest.state;

import java.time.Instant;

/**
 * What the crawler knows about one URL of a source: a feed, a sitemap, a section page or an
 * article page.
 *
 * @param source        the source's id
 * @param url           the URL, canonicalised
 * @param articleId     the id of the article it yielded, or null
 * @param etag          the validators of the last 200 response, for conditional requests
 * @param lastModified  the Last-Modified header of the last 200 response
 * @param firstSeen     when it was first discovered
 * @param lastChecked   when it was last fetched (whatever came back)
 * @param failures      consecutive failures
 * @param lastFailure   the reason code of the last failure, or null
 * @param retryAfter    not fetched again before this (after failures), or null
 * @param lastListed    when a listing (feed, sitemap, section page) last named it, to within a tenth
 *                      of the state retention (see {@link StateRetention}); null in records written
 *                      before it was kept
 */
public record PageState(
        String source,
        String url,
        String articleId,
        String etag,
        String lastModified,
        Instant firstSeen,
        Instant lastChecked,
        int failures,
        String lastFailure,
        Instant retryAfter,
        Instant lastListed) {

    /** A page found now: by a listing, or a listing itself (which the source's configuration names). */
    public static PageState discovered(String source, String url, Instant now) {
        return new PageState(source, url, null, null, null, now, null, 0, null, null, now);
    }

    public PageState fetched(String articleId, String etag, String lastModified, Instant now) {
        return new PageState(source, url, articleId, etag, lastModified, firstSeen, now, 0, null, null, lastListed);
    }

    public PageState notModified(Instant now) {
        return new PageState(source, url, articleId, etag, lastModified, firstSeen, now, 0, null, null, lastListed);
    }

    public PageState failed(String reason, Instant now, Instant retryAfter) {
        return new PageState(source, url, articleId, etag, lastModified, firstSeen, now, failures + 1, reason, retryAfter,
                lastListed);
    }

    public PageState listed(Instant now) {
        return new PageState(source, url, articleId, etag, lastModified, firstSeen, lastChecked, failures, lastFailure,
                retryAfter, now);
    }

    /**
     * The last time anything led the crawler to this page: a listing named it, or it was fetched
     * (a listing is fetched every run; an article page while it is checked for revisions).
     */
    public Instant lastReached() {
        Instant last = firstSeen == null ? Instant.EPOCH : firstSeen;
        if (lastChecked != null && lastChecked.isAfter(last)) {
            last = lastChecked;
        }
        if (lastListed != null && lastListed.isAfter(last)) {
            last = lastListed;
        }
        return last;
    }
}
