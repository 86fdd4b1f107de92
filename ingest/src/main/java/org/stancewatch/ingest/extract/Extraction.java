package org.stancewatch.ingest.extract;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ArticleExtractor} read from one page.
 *
 * @param url          the page's URL
 * @param canonicalUrl the page's declared canonical URL, absolute, or the URL itself
 * @param outlet       registered domain of the canonical URL
 * @param title        headline
 * @param text         main text, paragraphs separated by blank lines, boilerplate removed
 * @param wordCount    words in {@code text}
 * @param authors      bylines
 * @param published    the date the page declares (JSON-LD, meta, {@code <time>}) or its URL holds
 * @param language     ISO 639-1 code, or {@code und}
 */
public record Extraction(
        URI url,
        String canonicalUrl,
        String outlet,
        String title,
        String text,
        int wordCount,
        List<String> authors,
        Optional<PublishedDate> published,
        String language) {

    public Extraction {
        authors = List.copyOf(authors);
    }

    /** True for English, the language the analysis scores. */
    public boolean isEnglish() {
        return "en".equals(language);
    }
}
