package org.stancewatch.ingest.state;

import java.time.Instant;

/**
 * The last published revision of an article: what tells a changed article from an unchanged
 * one, and a syndicated copy from an original.
 *
 * @param id            the article id (hash of the canonical URL)
 * @param source        the source that published it
 * @param canonicalUrl  its canonical URL
 * @param revision      the revision last published
 * @param contentHash   hash of the text of that revision
 * @param simhash       SimHash of that text (16 hex digits)
 * @param wordCount     words in that text (near-duplicate detection ignores very short texts)
 * @param copyOf        the id of the article it copies, or null
 * @param firstPublished when revision 1 was published
 * @param lastPublished  when the last revision was published
 * @param coreSimhash   SimHash of the text without its first and last paragraphs (16 hex digits),
 *                      or null for a text too short to have one (or a record of an older version)
 */
public record ArticleState(
        String id,
        String source,
        String canonicalUrl,
        int revision,
        String contentHash,
        String simhash,
        int wordCount,
        String copyOf,
        Instant firstPublished,
        Instant lastPublished,
        String coreSimhash) {}
