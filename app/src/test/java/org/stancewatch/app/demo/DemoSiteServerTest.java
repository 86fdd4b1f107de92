package org.stancewatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSiteServerTest {
    private final DemoContent content = DemoContent.load("demo-fixture/site");
    private final HttpClient http = HttpClient.newHttpClient();
    private DemoSiteServer site;

    @BeforeEach
    void start() {
        site = DemoSiteServer.start(content);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** Fetches a demo URL from 127.0.0.1, as the crawler does once it resolves the demo's names. */
    private HttpResponse<String> get(String url) throws Exception {
        URI uri = URI.create(url);
        URI local = new URI("http", null, "127.0.0.1", uri.getPort(), uri.getPath(), uri.getQuery(), null);
        return http.send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void contentIsReadWithFrontMatterParagraphsAndCopies() {
        assertThat(content.outlets()).extracting(DemoOutlet::id).containsExactly("alpha-news", "beta-review");
        DemoArticle first = content.articles().getFirst();
        assertThat(first.title()).isEqualTo("Treaty signed: a step forward");
        assertThat(first.published()).isEqualTo(Instant.parse("2010-04-08T10:00:00Z"));
        assertThat(first.paragraphs()).containsExactly("The two presidents signed the treaty in Prague.",
                "Officials on both sides welcomed the deal as a fresh start.");
        assertThat(first.path()).isEqualTo("/world/2010/04/08/treaty-signed.html");
        assertThat(content.articles().getLast().copyOf()).isEqualTo("alpha-news/2011-11-23-warning");
    }

    @Test
    void eachOutletIsItsOwnOriginWithRobotsFeedAndSitemap() throws Exception {
        String alpha = site.baseUrl("alpha-news");
        assertThat(alpha).startsWith("http://alphanews.example:").isNotEqualTo(site.baseUrl("beta-review"));
        assertThat(site.hosts()).containsEntry("alphanews.example", "127.0.0.1");

        assertThat(get(alpha + "/robots.txt").body()).contains("Sitemap: " + alpha + "/sitemap.xml");
        assertThat(get(site.feedUrls("alpha-news").getFirst()).body())
                .contains("<rss version=\"2.0\">", alpha + "/security/2011/11/23/warning.html");
        assertThat(site.feedUrls("beta-review")).isEmpty(); // the review style has no feed ...
        assertThat(get(site.sitemapUrls("beta-review").getFirst()).body()) // ... but a sitemap index
                .contains("<sitemapindex", "/sitemap-2011.xml", "/news-sitemap.xml");
        assertThat(get(site.baseUrl("beta-review") + "/news-sitemap.xml").body())
                .contains("<news:publication_date>2011-11-24T07:00:00Z</news:publication_date>");
    }

    @Test
    void articlePagesDeclareCanonicalUrlDateAndAuthorInTheirOutletsMarkup() throws Exception {
        DemoArticle treaty = content.articles().getFirst();
        Document page = Jsoup.parse(get(site.urlOf(treaty)).body());

        assertThat(page.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo("https://alphanews.example/world/2010/04/08/treaty-signed.html");
        assertThat(page.selectFirst("script[type=application/ld+json]").data())
                .contains("\"datePublished\":\"2010-04-08T10:00:00Z\"", "\"name\":\"Test Writer\"");
        assertThat(page.select("article p").eachText()).contains("The two presidents signed the treaty in Prague.");
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertThat(get(site.baseUrl("alpha-news") + "/no/such/page.html").statusCode()).isEqualTo(404);
    }

    @Test
    void heldArticlesAppearNowhereUntilReleased() throws Exception {
        DemoArticle warning = content.articlesOf("alpha-news").getLast();
        site.hold(List.of(warning));

        assertThat(get(site.feedUrls("alpha-news").getFirst()).body()).doesNotContain(warning.path());
        assertThat(get(site.urlOf(warning)).statusCode()).isEqualTo(404);

        site.release(warning);

        assertThat(get(site.feedUrls("alpha-news").getFirst()).body()).contains(warning.path());
        assertThat(get(site.urlOf(warning)).statusCode()).isEqualTo(200);
    }

    @Test
    void frontMatterWithoutATitleIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("2010-01-01-untitled.md");
        Files.writeString(file, "---\npublished: 2010-01-01T00:00:00Z\n---\nText.\n");

        assertThatThrownBy(() -> DemoContent.parse("alpha-news", file))
                .hasMessageContaining("2010-01-01-untitled.md")
                .hasMessageContaining("lacks 'title'");
    }
}
