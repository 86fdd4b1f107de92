package org.stancewatch.model;

import static org.stancewatch.model.Require.nonBlank;
import static org.stancewatch.model.Require.nonNull;

import java.time.Instant;
import java.util.List;

/**
 * A news article as the crawler extracted it: one record per revision, keyed by {@link #id}.
 *
 * @param id            hash of the canonical URL ({@link #idFor}); the same for every revision
 * @param url           the URL the page was fetched from
 * @param canonicalUrl  the normalised canonical URL (tracking parameters removed)
 * @param source        id of the configured source that found it
 * @param outlet        registered domain of the publisher, e.g. {@code reuters.com}
 * @param title         headline
 * @param authors       bylines, possibly empty
 * @param publishedAt   publication time (UTC)
 * @param dateSource    where {@code publishedAt} came from, i.e. how far to trust it
 * @param fetchedAt     when the crawler fetched this revision
 * @param language      ISO 639-1 code; only {@code en} is scored
 * @param text          body text, boilerplate removed
 * @param wordCount     words in {@code text}
 * @param contentHash   hash of the normalised text (exact duplicates, revisions)
 * @param simhash       64-bit SimHash of the text as 16 hex digits (near duplicates)
 * @param revision      1 for the first version seen, +1 each time the text changes
 * @param copyOf        id of the article this one is a syndicated copy of, or null
 */
public record Article(
        String id,
        String url,
        String canonicalUrl,
        String source,
        String outlet,
        String title,
        List<String> authors,
        Instant publishedAt,
        DateSource dateSource,
        Instant fetchedAt,
        String language,
        String text,
        int wordCount,
        String contentHash,
        String simhash,
        int revision,
        String copyOf) {

    public Article {
        nonBlank(id, "id");
        nonBlank(url, "url");
        nonBlank(canonicalUrl, "canonicalUrl");
        nonBlank(source, "source");
        nonBlank(outlet, "outlet");
        title = title == null ? "" : title;
        authors = authors == null ? List.of() : List.copyOf(authors);
        nonNull(publishedAt, "publishedAt");
        nonNull(dateSource, "dateSource");
        nonNull(fetchedAt, "fetchedAt");
        nonBlank(language, "language");
        nonNull(text, "text");
        nonBlank(contentHash, "contentHash");
        nonBlank(simhash, "simhash");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be 1 or more, was " + revision);
        }
    }

    /** The article id for a canonical URL. */
    public static String idFor(String canonicalUrl) {
        return Ids.of(canonicalUrl);
    }

    /** True when this article is a syndicated copy of an earlier one. */
    public boolean isCopy() {
        return copyOf != null && !copyOf.isEmpty();
    }
}
