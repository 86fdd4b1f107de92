package org.stancewatch.ingest.state;

import org.stancewatch.ingest.dedup.Fingerprints;

/**
 * An {@link ArticleState} as {@link CrawlState} holds it: fingerprints and times as numbers,
 * and its strings shared with the records that repeat them (the source's id, the page URL that
 * is its canonical URL, the id of the article it copies).
 */
record StoredArticle(
        String id,
        String source,
        String canonicalUrl,
        String contentHash,
        String copyOf,
        long simhash,
        long coreSimhash,
        boolean hasCore,
        long firstPublished,
        long lastPublished,
        int revision,
        int wordCount) {

    static StoredArticle of(ArticleState article, String id, String source, String canonicalUrl, String copyOf) {
        return new StoredArticle(id, source, canonicalUrl, article.contentHash(), copyOf,
                Fingerprints.parseHex(article.simhash()),
                article.coreSimhash() == null ? 0 : Fingerprints.parseHex(article.coreSimhash()),
                article.coreSimhash() != null, EpochNanos.of(article.firstPublished()),
                EpochNanos.of(article.lastPublished()), article.revision(), article.wordCount());
    }

    ArticleState state() {
        return new ArticleState(id, source, canonicalUrl, revision, contentHash, Fingerprints.hex(simhash), wordCount,
                copyOf, EpochNanos.instant(firstPublished), EpochNanos.instant(lastPublished),
                hasCore ? Fingerprints.hex(coreSimhash) : null);
    }
}
