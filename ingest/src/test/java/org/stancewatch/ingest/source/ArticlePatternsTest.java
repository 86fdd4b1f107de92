package org.stancewatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Article rules do not depend on the scheme of a link: sites redirect http to https anyway. */
class ArticlePatternsTest {
    static final URI HOME = URI.create("https://www.euronews.com/");

    static ArticlePatterns rules(String allow, String deny) {
        return new ArticlePatterns(List.of(Pattern.compile(allow)), List.of(Pattern.compile(deny)));
    }

    @Test
    void anHttpsAnchoredAllowRuleAcceptsTheHttpLinkOfAFeed() {
        ArticlePatterns euronews = rules("^https://www\\.euronews\\.com/\\d{4}/\\d{2}/\\d{2}/", "/video/");

        assertThat(euronews.matches(URI.create("http://www.euronews.com/2026/12/04/nato-talks"), HOME)).isTrue();
        assertThat(euronews.matches(URI.create("https://www.euronews.com/2026/12/04/nato-talks"), HOME)).isTrue();
        assertThat(euronews.matches(URI.create("http://www.euronews.com/weather"), HOME)).isFalse();
    }

    @Test
    void anHttpAnchoredDenyRuleStillDeniesTheHttpsLink() {
        ArticlePatterns rules = rules("euronews\\.com/", "^http://www\\.euronews\\.com/video/");

        assertThat(rules.matches(URI.create("https://www.euronews.com/video/2026/12/04/clip"), HOME)).isFalse();
        assertThat(rules.matches(URI.create("https://www.euronews.com/2026/12/04/story"), HOME)).isTrue();
    }

    @Test
    void anHttpsSiteSpellsItsOwnHttpLinksWithHttpsAndLeavesOtherLinksAlone() {
        Source euronews = new Source("euronews", "Euronews", HOME, List.of(URI.create("https://www.euronews.com/rss")),
                List.of(), List.of(), java.time.Duration.ofMinutes(30), ArticlePatterns.sameSite(), "en", 1, false, 50);

        assertThat(euronews.httpsSpelling(URI.create("http://www.euronews.com/2026/12/04/a?x=1")))
                .hasToString("https://www.euronews.com/2026/12/04/a?x=1");
        assertThat(euronews.httpsSpelling(URI.create("http://other.example/a"))).hasToString("http://other.example/a");
        assertThat(euronews.httpsSpelling(URI.create("http://www.euronews.com:8080/a")))
                .as("an explicit port may be a different service").hasToString("http://www.euronews.com:8080/a");
    }

    @Test
    void theOtherSchemeIsTriedOnlyForHttpAndHttps() {
        assertThat(ArticlePatterns.spellings("HTTP://Example.com/a")).containsExactly("HTTP://Example.com/a",
                "https://Example.com/a");
        assertThat(ArticlePatterns.spellings("https://example.com/a")).containsExactly("https://example.com/a",
                "http://example.com/a");
        assertThat(ArticlePatterns.spellings("ftp://example.com/a")).containsExactly("ftp://example.com/a");
    }
}
