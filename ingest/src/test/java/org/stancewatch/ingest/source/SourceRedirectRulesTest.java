package org.stancewatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a source's article redirects and sitemap indexes may send the crawler. */
class SourceRedirectRulesTest {
    private static final Source HERALD = new Source("herald", "Herald", URI.create("http://herald.co.uk/"),
            List.of(URI.create("https://feeds.partner.com/herald.rss")),
            List.of(URI.create("https://sitemaps.herald-cdn.com/index.xml")), List.of(), Duration.ofHours(1),
            new ArticlePatterns(List.of(Pattern.compile("^https://amp\\.herald-news\\.com/")), List.of()),
            "en", 1, false, 10);

    @ParameterizedTest
    @ValueSource(strings = {"https://herald.co.uk/2011/03/17/reset-talks/",
        "http://www.herald.co.uk/2011/03/17/reset-talks", "https://news.herald.co.uk/a",
        "https://amp.herald-news.com/2011/03/17/reset-talks"})
    void anArticleMayRedirectWithinItsSiteOrToItsArticleUrls(String target) {
        assertThat(HERALD.acceptsArticleRedirect(URI.create(target))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.com/herald.co.uk/", "https://other.co.uk/",
        "https://herald.co.uk.evil.com/", "https://feeds.partner.com/story", "http://93.184.216.34/"})
    void anArticleMayNotRedirectElsewhere(String target) {
        assertThat(HERALD.acceptsArticleRedirect(URI.create(target))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://herald.co.uk/sitemap-1.xml", "https://sitemaps.herald-cdn.com/2011.xml",
        "https://static.herald-cdn.com/2011.xml"})
    void aChildSitemapMayBeOnTheSiteOrBesideTheConfiguredSitemaps(String child) {
        assertThat(HERALD.acceptsChildSitemap(URI.create(child))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.com/sitemap.xml", "https://feeds.partner.com/sitemap.xml",
        "http://169.254.169.254/latest/"})
    void aChildSitemapMayNotBeElsewhere(String child) {
        assertThat(HERALD.acceptsChildSitemap(URI.create(child))).isFalse();
    }
}
