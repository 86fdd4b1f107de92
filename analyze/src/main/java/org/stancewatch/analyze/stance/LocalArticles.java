package org.stancewatch.analyze.stance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.stancewatch.model.Article;
import org.stancewatch.model.DateSource;
import org.stancewatch.model.Ids;

/**
 * An {@link Article} for text that did not come from the crawler (the command line's
 * {@code --text} and {@code --file}), so that it goes through exactly the scorer the pipeline uses.
 */
public final class LocalArticles {

    private LocalArticles() {
    }

    /**
     * @param text     the text
     * @param origin   where it came from, e.g. a file name; becomes the URL {@code local:<origin>}
     * @param date     the publication date: it decides which office a person held
     * @param language ISO 639-1 code of the text
     */
    public static Article of(String text, String origin, LocalDate date, String language) {
        String url = "local:" + origin;
        Instant published = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        String hash = Ids.of(text);
        return new Article(Article.idFor(url + "#" + hash), url, url, "local", "local", "", List.of(), published,
                DateSource.META, Instant.now(), language, text, text.isBlank() ? 0 : text.trim().split("\\s+").length,
                hash, "0000000000000000", 1, null);
    }
}
