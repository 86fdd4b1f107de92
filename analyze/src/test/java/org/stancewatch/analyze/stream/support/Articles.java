package org.stancewatch.analyze.stream.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.stancewatch.model.Article;
import org.stancewatch.model.DateSource;
import org.stancewatch.model.Ids;

/** Articles for tests, written here: one line per article, the rest defaulted. */
public final class Articles {
    private Articles() {}

    /** A first revision, dated by its meta tags, fetched an hour after publication. */
    public static Article article(String slug, String outlet, Instant publishedAt, String text) {
        String url = "https://" + outlet + "/" + slug;
        return new Article(Article.idFor(url), url, url, outlet, outlet, slug, List.of(), publishedAt, DateSource.META,
                publishedAt.plus(Duration.ofHours(1)), "en", text, text.split("\\s+").length, Ids.of(text),
                "0000000000000000", 1, null);
    }

    /** The next revision of an article, with new text. */
    public static Article revised(Article a, String text) {
        return new Article(a.id(), a.url(), a.canonicalUrl(), a.source(), a.outlet(), a.title(), a.authors(),
                a.publishedAt(), a.dateSource(), a.fetchedAt().plus(Duration.ofHours(1)), a.language(), text,
                text.split("\\s+").length, Ids.of(text), a.simhash(), a.revision() + 1, a.copyOf());
    }

    /** The same story carried by another outlet: a syndicated copy of {@code original}. */
    public static Article copyIn(Article original, String outlet) {
        String url = "https://" + outlet + "/syndicated/" + original.title();
        return new Article(Article.idFor(url), url, url, outlet, outlet, original.title(), original.authors(),
                original.publishedAt(), original.dateSource(), original.fetchedAt(), original.language(),
                original.text(), original.wordCount(), original.contentHash(), original.simhash(), 1, original.id());
    }

    /** An article whose only date is the time it was fetched. */
    public static Article fetchDated(String slug, String outlet, Instant fetchedAt, String text) {
        Article a = article(slug, outlet, fetchedAt, text);
        return new Article(a.id(), a.url(), a.canonicalUrl(), a.source(), a.outlet(), a.title(), a.authors(),
                fetchedAt, DateSource.FETCHED, fetchedAt, a.language(), a.text(), a.wordCount(), a.contentHash(),
                a.simhash(), a.revision(), a.copyOf());
    }

    /** The article claiming a publication time long after its fetch (a misread date). */
    public static Article publishedInFuture(String slug, String outlet, Instant fetchedAt, String text) {
        Article a = article(slug, outlet, fetchedAt, text);
        return new Article(a.id(), a.url(), a.canonicalUrl(), a.source(), a.outlet(), a.title(), a.authors(),
                fetchedAt.plus(Duration.ofDays(400)), a.dateSource(), fetchedAt, a.language(), a.text(), a.wordCount(),
                a.contentHash(), a.simhash(), a.revision(), a.copyOf());
    }
}
