package org.stancewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.crawl.SourceStats;
import org.stancewatch.ingest.publish.MemoryOutput;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.model.Article;
import org.stancewatch.model.DateSource;
import org.stancewatch.model.DeadLetter;

/** The whole crawler on the fixture news site, publishing to memory (the Kafka version is CrawlerIT). */
class CrawlerTest {
    private FixtureServer site;
    private MemoryOutput output;
    private Crawler crawler;

    @BeforeEach
    void start() throws Exception {
        site = FixtureServer.newsSite();
        output = new MemoryOutput();
        crawler = Crawler.open(CrawlerConfig.inMemory(site.sources(), output).withResolver(FixtureServer.resolver()));
    }

    @AfterEach
    void stop() {
        crawler.close();
        site.close();
    }

    private Map<String, Article> byPath() {
        return output.articles().stream().collect(Collectors.toMap(a -> java.net.URI.create(a.url()).getPath(), a -> a,
                (a, b) -> b));
    }

    @Test
    void firstCrawlPublishesEveryFixtureArticleOnceWithItsMetadata() throws Exception {
        List<SourceStats> runs = crawler.runOnce();

        assertThat(output.articles()).extracting(a -> java.net.URI.create(a.url()).getPath()).containsExactlyInAnyOrder(
                "/stories/new-start-ratified", "/stories/medvedev-visit",
                "/2011/05/10/new-start-ratified/", "/2011/03/17/reset-talks/", "/2011/04/02/missile-defense-row/",
                "/2011/06/01/afghan-transit/",
                "/news/nato-summit-lisbon.html", "/news/de/abruestung.html", "/news/iran-sanctions-vote.html",
                "/news/libya-no-fly.html");
        assertThat(output.articles()).extracting(Article::id).doesNotHaveDuplicates();
        assertThat(output.articles()).allSatisfy(a -> assertThat(a.revision()).isEqualTo(1));

        Map<String, Article> articles = byPath();
        Article reset = articles.get("/2011/03/17/reset-talks/");
        assertThat(reset.title()).isEqualTo("Lavrov and Clinton open \"reset\" talks in Geneva");
        assertThat(reset.authors()).containsExactly("Anna Petrova", "James Whitfield");
        assertThat(reset.dateSource()).isEqualTo(DateSource.JSON_LD);
        assertThat(reset.publishedAt()).hasToString("2011-03-17T08:15:00Z");
        assertThat(reset.outlet()).isEqualTo("herald.test");
        assertThat(reset.language()).isEqualTo("en");
        assertThat(reset.text()).contains("Sergei Lavrov and Hillary Clinton sat down", "A new tone is not yet a new policy")
                .doesNotContain("NATO weighs expansion", "Sign up for our daily newsletter", "please support the Daily Herald",
                        "Another reset that will end", "Accept all cookies", "Share on Facebook", "Most read",
                        "Photo: Herald staff");

        assertThat(articles.get("/2011/04/02/missile-defense-row/").dateSource()).isEqualTo(DateSource.META);
        assertThat(articles.get("/2011/06/01/afghan-transit/").dateSource()).isEqualTo(DateSource.TIME);
        assertThat(articles.get("/news/libya-no-fly.html").dateSource()).isEqualTo(DateSource.FETCHED);
        assertThat(articles.get("/news/de/abruestung.html").language()).isEqualTo("de");

        Article original = articles.get("/stories/new-start-ratified");
        Article copy = articles.get("/2011/05/10/new-start-ratified/");
        assertThat(original.copyOf()).isNull();
        assertThat(copy.copyOf()).isEqualTo(original.id());
        assertThat(copy.id()).isNotEqualTo(original.id());
        assertThat(copy.url()).doesNotContain("utm_source");

        assertThat(output.deadLetters()).extracting(DeadLetter::reason)
                .containsExactlyInAnyOrder("http-410", "http-404", "http-500", "not-html");
        SourceStats herald = runs.stream().filter(s -> s.source().equals("herald")).findFirst().orElseThrow();
        assertThat(herald.robotsRefused()).isEqualTo(1);
        assertThat(herald.published()).isEqualTo(4);
        assertThat(site.requests("herald.test", "/private/leak/")).isEmpty();
    }

    @Test
    void secondCrawlAsksConditionallyAndPublishesNothing() throws Exception {
        crawler.runOnce();
        int published = output.articles().size();
        site.clearLog();

        List<SourceStats> second = crawler.runOnce();

        assertThat(output.articles()).hasSize(published);
        assertThat(second).allSatisfy(s -> assertThat(s.published()).isZero());
        assertThat(second.stream().mapToLong(SourceStats::notModified).sum()).isEqualTo(published);
        assertThat(site.requests("herald.test", "/2011/03/17/reset-talks/"))
                .singleElement().satisfies(r -> {
                    assertThat(r.ifNoneMatch()).isNotNull();
                    assertThat(r.status()).isEqualTo(304);
                });
    }

    @Test
    void aChangedArticleIsPublishedAgainAsRevisionTwo() throws Exception {
        crawler.runOnce();
        String page = new String(FixtureServer.class.getResourceAsStream("/site/herald.test/2011/04/02/missile-defense-row/index.html")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        site.replace("herald.test", "/2011/04/02/missile-defense-row/", page.replace("<p>The row comes weeks before",
                "<p>Update: Moscow later said it would send experts to a follow-up meeting in Brussels next month.</p>\n<p>The row comes weeks before"));

        crawler.runOnce();

        List<Article> versions = output.articles().stream()
                .filter(a -> a.url().endsWith("/2011/04/02/missile-defense-row/")).toList();
        assertThat(versions).extracting(Article::revision).containsExactly(1, 2);
        assertThat(versions.get(1).id()).isEqualTo(versions.get(0).id());
        assertThat(versions.get(1).text()).contains("send experts to a follow-up meeting");
        assertThat(output.articles()).hasSize(11);
    }
}
