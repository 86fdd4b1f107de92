package org.stancewatch.ingest.crawl;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.stancewatch.ingest.dedup.Fingerprints;
import org.stancewatch.ingest.dedup.UrlCanonicalizer;
import org.stancewatch.ingest.extract.Extraction;
import org.stancewatch.ingest.extract.LanguageGuess;
import org.stancewatch.ingest.extract.Outlets;
import org.stancewatch.ingest.extract.PublishedDate;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.state.ArticleState;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.model.Article;

/**
 * Turns an extraction into the article record to publish, or says why not: the dedup and
 * revision rules live here.
 *
 * <ul>
 *   <li>The id is the hash of the canonical URL: the page's declared canonical if it is on the
 *       same site (a syndicated copy often names the original's URL, on another site, and must
 *       stay an article of its own), else the fetched URL, canonicalised.</li>
 *   <li>An article already published with the same text is not published again; with other
 *       text it is published as the next revision.</li>
 *   <li>A new article whose text is exactly, or within a few SimHash bits, that of an earlier
 *       article is marked as a copy of the earliest one.</li>
 * </ul>
 */
final class ArticleAssembler {
    /** Texts shorter than this are too short for near-duplicate fingerprints to mean anything. */
    static final int MIN_WORDS_FOR_NEAR_DUPLICATES = 50;
    /** A title longer than this is not a headline; it is cut. */
    static final int MAX_TITLE_CHARS = 1_000;
    /** Bylines kept, and the length of each: a page can list a whole newsroom. */
    static final int MAX_AUTHORS = 20;
    static final int MAX_AUTHOR_CHARS = 200;

    private ArticleAssembler() {}

    /** What to do with an extracted page. */
    sealed interface Decision {}

    /** Publish this article (a new one or a new revision); {@code state} records it. */
    record Publish(Article article, ArticleState state) implements Decision {}

    /** Already published with this text. */
    record Unchanged(String articleId) implements Decision {}

    /** Another source published this article first; it is theirs. */
    record OtherSource(String articleId, String owner) implements Decision {}

    static Decision decide(Source source, Extraction extraction, URI fetchedUrl, Instant listedAt, Instant fetchedAt,
                           CrawlState state) {
        String canonical = canonical(extraction, fetchedUrl);
        String id = Article.idFor(canonical);
        String text = ArticleText.cutToJsonBytes(ArticleText.withoutControlCharacters(extraction.text()),
                ArticleText.MAX_TEXT_JSON_BYTES);
        String contentHash = Fingerprints.contentHash(text);
        long simhash = Fingerprints.simhash(text);
        java.util.OptionalLong coreSimhash = Fingerprints.coreSimhash(text);
        Optional<ArticleState> previous = state.article(id);
        if (previous.isPresent() && !previous.get().source().equals(source.id())) {
            return new OtherSource(id, previous.get().source());
        }
        if (previous.isPresent() && previous.get().contentHash().equals(contentHash)) {
            return new Unchanged(id);
        }
        int revision = previous.map(p -> p.revision() + 1).orElse(1);
        String copyOf = previous.map(ArticleState::copyOf).orElseGet(() -> original(id, contentHash, simhash,
                coreSimhash, extraction.wordCount(), state));
        PublishedDate published = PublishedDateChoice.choose(extraction.published(), listedAt, fetchedAt);
        String language = LanguageGuess.UNDETERMINED.equals(extraction.language()) ? source.language() : extraction.language();
        Article article = new Article(id, fetchedUrl.toString(), canonical, source.id(), outlet(canonical, fetchedUrl),
                cut(ArticleText.withoutControlCharacters(extraction.title()), MAX_TITLE_CHARS),
                extraction.authors().stream().limit(MAX_AUTHORS).map(author -> cut(author, MAX_AUTHOR_CHARS)).toList(),
                published.instant(), published.source(), fetchedAt, language,
                text, extraction.wordCount(), contentHash, Fingerprints.hex(simhash), revision, copyOf);
        ArticleState record = new ArticleState(id, source.id(), canonical, revision, contentHash, Fingerprints.hex(simhash),
                extraction.wordCount(), copyOf, previous.map(ArticleState::firstPublished).orElse(fetchedAt), fetchedAt,
                coreSimhash.isPresent() ? Fingerprints.hex(coreSimhash.getAsLong()) : null);
        return new Publish(article, record);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : ArticleText.cutToJsonBytes(text, max);
    }

    private static String original(String id, String contentHash, long simhash, java.util.OptionalLong coreSimhash,
                                   int words, CrawlState state) {
        Optional<String> exact = state.articleWithContent(contentHash).filter(other -> !other.equals(id));
        if (exact.isPresent()) {
            return exact.get();
        }
        if (words < MIN_WORDS_FOR_NEAR_DUPLICATES) {
            return null;
        }
        return state.nearDuplicateOf(simhash, coreSimhash, id).orElse(null);
    }

    static String canonical(Extraction extraction, URI fetchedUrl) {
        String fetched = UrlCanonicalizer.canonicalize(fetchedUrl.toString());
        try {
            String declared = UrlCanonicalizer.canonicalize(extraction.canonicalUrl());
            URI declaredUri = URI.create(declared);
            return Outlets.of(declaredUri).equals(Outlets.of(fetchedUrl)) ? declared : fetched;
        } catch (IllegalArgumentException e) {
            return fetched;
        }
    }

    private static String outlet(String canonical, URI fetchedUrl) {
        try {
            return Outlets.of(URI.create(canonical));
        } catch (IllegalArgumentException e) {
            return Outlets.of(fetchedUrl);
        }
    }
}
