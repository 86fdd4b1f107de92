package org.stancewatch.ingest.state;

/**
 * A {@link PageState} as {@link CrawlState} holds it, per source and keyed by URL: without the
 * source and URL the maps around it already give, with its times as numbers ({@link EpochNanos})
 * and its article id the very string the article record holds.
 */
record StoredPage(
        String articleId,
        String etag,
        String lastModified,
        String lastFailure,
        long firstSeen,
        long lastChecked,
        long lastListed,
        long retryAfter,
        int failures) {

    static StoredPage of(PageState page, String articleId, String lastFailure) {
        return new StoredPage(articleId, page.etag(), page.lastModified(), lastFailure, EpochNanos.of(page.firstSeen()),
                EpochNanos.of(page.lastChecked()), EpochNanos.of(page.lastListed()), EpochNanos.of(page.retryAfter()),
                page.failures());
    }

    PageState state(String source, String url) {
        return new PageState(source, url, articleId, etag, lastModified, EpochNanos.instant(firstSeen),
                EpochNanos.instant(lastChecked), failures, lastFailure, EpochNanos.instant(retryAfter),
                EpochNanos.instant(lastListed));
    }
}
