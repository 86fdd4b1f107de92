package org.stancewatch.ingest.extract;

import java.util.List;
import java.util.Optional;

/**
 * What a page says about itself in its markup: structured data (JSON-LD), meta tags, links.
 *
 * @param title            headline, from JSON-LD, Open Graph, {@code <h1>} or {@code <title>}
 * @param canonicalUrl     the absolute URL of {@code <link rel=canonical>} or {@code og:url}, or null
 * @param published        the publication date the markup declares, with where it came from
 * @param authors          bylines, cleaned of "By" and split
 * @param declaredLanguage the language of {@code <html lang>} or a meta tag, lower case ISO 639-1, or null
 * @param declaresArticle  true when JSON-LD or Open Graph calls the page an article
 * @param declaresListing  true when JSON-LD or Open Graph calls the page a listing or a site front
 * @param structuredBody   the article's text as JSON-LD {@code articleBody} gives it, or empty
 */
public record PageMetadata(
        String title,
        String canonicalUrl,
        Optional<PublishedDate> published,
        List<String> authors,
        String declaredLanguage,
        boolean declaresArticle,
        boolean declaresListing,
        String structuredBody) {

    public PageMetadata {
        structuredBody = structuredBody == null ? "" : structuredBody;
        title = title == null ? "" : title;
        published = published == null ? Optional.empty() : published;
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
