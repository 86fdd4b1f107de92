package org.stancewatch.ingest.check;

/**
 * What {@code stancewatch sources check} concludes about a source from one visit: whether the
 * crawler could read it now, and if not, the first thing in the way.
 */
public enum CheckVerdict {
    /** its listings answered, list articles, and an article was read */
    OK(false),
    /** the sources file keeps it but does not crawl it; nothing was fetched */
    DISABLED(false),
    /** robots.txt does not allow our User-Agent its listings or its articles (or could not be fetched) */
    ROBOTS_DISALLOWED(true),
    /** a bot manager answers with a challenge instead of the pages */
    BOT_CHALLENGE(true),
    /** a cookie or privacy consent page stands in for the pages */
    CONSENT_WALL(true),
    /** no listing could be fetched or read, or the article could not be fetched */
    FETCH_FAILED(true),
    /** the listings answered but list nothing */
    NO_ITEMS(true),
    /** the listings list items, but the source's article patterns accept none of them */
    NO_ARTICLES_MATCH(true),
    /** the article was fetched but the extractor found no article in it */
    EXTRACTION_FAILED(true);

    private final boolean failed;

    CheckVerdict(boolean failed) {
        this.failed = failed;
    }

    /** Whether the crawler would get no articles from the source: the check exits non-zero. */
    public boolean failed() {
        return failed;
    }
}
