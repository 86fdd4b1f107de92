package org.stancewatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.Crawler;
import org.stancewatch.ingest.CrawlerConfig;
import org.stancewatch.ingest.publish.MemoryOutput;
import org.stancewatch.ingest.source.ArticlePatterns;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.source.Sources;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.Routes;
import org.stancewatch.model.DeadLetter;

/**
 * A crawl that meets a bot challenge or a consent wall: the page is never published, it goes to
 * the dead-letter topic with reason {@code bot-challenge} or {@code consent-wall}, and the
 * host's other pages wait for a later run instead of meeting the same wall.
 */
class BlockedPagesTest {
    private FixtureServer site;
    private MemoryOutput output;

    @BeforeEach
    void start() throws Exception {
        site = FixtureServer.newsSite();
        output = new MemoryOutput();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** The herald with a sitemap listing its four articles, newest first by their dates. */
    private Source herald() {
        String[] paths = {"/2011/06/01/afghan-transit/", "/2011/05/10/new-start-ratified/",
            "/2011/04/02/missile-defense-row/", "/2011/03/17/reset-talks/"};
        StringBuilder urls = new StringBuilder();
        String[] dates = {"2011-06-01", "2011-05-10", "2011-04-02", "2011-03-17"};
        for (int i = 0; i < paths.length; i++) {
            urls.append("<url><loc>").append(site.url("herald.test", paths[i])).append("</loc><lastmod>")
                    .append(dates[i]).append("</lastmod></url>");
        }
        site.route("herald.test", "/sitemap.xml", new Routes.Body("application/xml", ("<?xml version=\"1.0\"?>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + urls + "</urlset>")
                .getBytes(StandardCharsets.UTF_8)));
        return new Source("herald", "The Daily Herald", site.url("herald.test", "/"), List.of(),
                List.of(site.url("herald.test", "/sitemap.xml")), List.of(), Duration.ofHours(1),
                new ArticlePatterns(List.of(Pattern.compile("^http://herald\\.test:\\d+/20\\d\\d/")), List.of()),
                "en", 50, true, 50);
    }

    private SourceStats runOnce(Source source) throws Exception {
        Sources sources = new Sources("test", site.sources().settings(), List.of(source));
        try (Crawler crawler = Crawler.open(CrawlerConfig.inMemory(sources, output).withResolver(FixtureServer.resolver()))) {
            return crawler.runOnce().getFirst();
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = BlockedPagesTest.class.getResourceAsStream("/blocks/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aChallengedArticleIsADeadLetterAndTheHostsOtherPagesWait() throws Exception {
        site.route("herald.test", "/2011/06/01/afghan-transit/", new Routes.Page(403,
                Map.of("cf-mitigated", "challenge"), "text/html", fixture("cloudflare-challenge.html")));

        SourceStats run = runOnce(herald());

        assertThat(output.articles()).isEmpty();
        assertThat(output.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("bot-challenge");
            assertThat(letter.subject()).endsWith("/2011/06/01/afghan-transit/");
            assertThat(letter.message()).contains("herald", "Cloudflare");
        });
        assertThat(run.failed()).containsEntry("bot-challenge", 1L);
        assertThat(run.deferred()).isEqualTo(3);
        assertThat(site.requests("herald.test", "/2011/05/10/new-start-ratified/")).isEmpty();
    }

    @Test
    void aConsentWallInsteadOfAnArticleIsADeadLetterNeverAnArticle() throws Exception {
        site.route("herald.test", "/2011/06/01/afghan-transit/", new Routes.Body("text/html; charset=utf-8",
                fixture("onetrust-only.html")));

        runOnce(herald());

        assertThat(output.articles()).isEmpty();
        assertThat(output.deadLetters()).extracting(DeadLetter::reason).containsExactly("consent-wall");
    }

    @Test
    void anArticleAboutCookiesIsPublishedAsUsual() throws Exception {
        site.route("herald.test", "/2011/06/01/afghan-transit/", new Routes.Body("text/html; charset=utf-8",
                fixture("article-about-cookies.html")));

        runOnce(herald());

        assertThat(output.deadLetters()).isEmpty();
        assertThat(output.articles()).extracting(a -> URI.create(a.url()).getPath())
                .contains("/2011/06/01/afghan-transit/");
    }
}
