package org.stancewatch.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.crawl.SourceCrawl;
import org.stancewatch.ingest.fetch.FetchRequest;
import org.stancewatch.ingest.fetch.HttpFetcher;
import org.stancewatch.ingest.fetch.Politeness;
import org.stancewatch.ingest.publish.CrawlBatch;
import org.stancewatch.ingest.source.ArticlePatterns;
import org.stancewatch.ingest.source.CrawlSettings;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.Routes;
import org.stancewatch.model.DeadLetter;

class DiscoveryTest {
    private FixtureServer server;
    private HttpFetcher fetcher;
    private Discovery discovery;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.newsSite();
        fetcher = new HttpFetcher(CrawlSettings.defaults(), FixtureServer.resolver(), new Politeness());
        discovery = new Discovery(fetcher, new CrawlState(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private Source source(String host, List<URI> feeds, List<URI> sitemaps, List<URI> sections) {
        return new Source(host.replace('.', '-'), host, server.url(host, "/"), feeds, sitemaps, sections, Duration.ofHours(1),
                ArticlePatterns.sameSite(), "en", 100, true, 50);
    }

    private static final FetchRequest.HopPolicy NO_DELAY = FetchRequest.HopPolicy.fixedDelay(Duration.ZERO);

    private Discovery.Result discover(Source source, CrawlBatch batch) throws InterruptedException {
        return discovery.discover(source, SourceCrawl.scope(source), NO_DELAY, batch);
    }

    @Test
    void sectionPagesAreFollowedThroughTheirNextLinks() throws Exception {
        Source herald = new Source("herald", "Herald", server.url("herald.test", "/"), List.of(), List.of(),
                List.of(server.url("herald.test", "/world/")), Duration.ofHours(1),
                new ArticlePatterns(List.of(java.util.regex.Pattern.compile("/20\\d\\d/")), List.of()), "en", 100, true, 50);

        Discovery.Result result = discover(herald, new CrawlBatch());

        assertThat(result.links()).extracting(l -> l.url().getPath()).containsExactly(
                "/2011/03/17/reset-talks/", "/2011/04/02/missile-defense-row/", "/2011/06/01/afghan-transit/");
    }

    @Test
    void aSitemapIndexNestedTooDeeplyStopsWithADeadLetter() throws Exception {
        for (int level = 0; level < 6; level++) {
            String index = """
                    <?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                    <sitemap><loc>%s</loc></sitemap></sitemapindex>""".formatted(server.url("deep.test", "/index-" + (level + 1) + ".xml"));
            server.route("deep.test", "/index-" + level + ".xml", new Routes.Body("application/xml", index.getBytes()));
        }
        CrawlBatch batch = new CrawlBatch();

        Discovery.Result result = discover(source("deep.test", List.of(), List.of(server.url("deep.test", "/index-0.xml")),
                List.of()), batch);

        assertThat(result.links()).isEmpty();
        assertThat(result.failures()).containsEntry("sitemap-too-deep", 1);
        assertThat(batch.deadLetters()).extracting(DeadLetter::reason).containsExactly("sitemap-too-deep");
        assertThat(server.requests().stream().filter(r -> r.path().startsWith("/index-")).count())
                .isEqualTo(Discovery.MAX_SITEMAP_DEPTH);
    }

    @Test
    void aSitemapIndexChildOffTheSourcesSiteIsSkippedWithAReason() throws Exception {
        String index = """
                <?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>%s</loc></sitemap><sitemap><loc>%s</loc></sitemap></sitemapindex>"""
                .formatted(server.url("maps.test", "/news.xml"), server.url("elsewhere.test", "/news.xml"));
        String news = """
                <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>%s</loc></url></urlset>""".formatted(server.url("maps.test", "/news/a.html"));
        server.route("maps.test", "/index.xml", new Routes.Body("application/xml", index.getBytes()));
        server.route("maps.test", "/news.xml", new Routes.Body("application/xml", news.getBytes()));
        CrawlBatch batch = new CrawlBatch();

        Discovery.Result result = discover(source("maps.test", List.of(),
                List.of(server.url("maps.test", "/index.xml")), List.of()), batch);

        assertThat(result.links()).extracting(l -> l.url().getPath()).containsExactly("/news/a.html");
        assertThat(result.failures()).containsEntry("off-site-sitemap", 1);
        assertThat(batch.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("off-site-sitemap");
            assertThat(d.subject()).endsWith("maps.test:" + server.port() + "/index.xml");
            assertThat(d.message()).contains("elsewhere.test");
        });
        assertThat(server.requests()).extracting(FixtureServer.Request::host).doesNotContain("elsewhere.test");
    }

    @Test
    void aSitemapIndexPointingAtItselfIsReadOnce() throws Exception {
        String self = """
                <?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>%s</loc></sitemap></sitemapindex>""".formatted(server.url("loop.test", "/sitemap.xml"));
        server.route("loop.test", "/sitemap.xml", new Routes.Body("application/xml", self.getBytes()));

        discover(source("loop.test", List.of(), List.of(server.url("loop.test", "/sitemap.xml")), List.of()), new CrawlBatch());

        assertThat(server.requests("loop.test", "/sitemap.xml")).hasSize(1);
    }

    @Test
    void anHttpFeedLinkOfAnHttpsSiteIsKeptInItsHttpsSpellingAndMeetsItsSitemapEntryAsOneLink() {
        Source https = new Source("secure", "secure", URI.create("https://www.secure.example/"), List.of(),
                List.of(), List.of(URI.create("https://www.secure.example/world")), Duration.ofHours(1),
                ArticlePatterns.sameSite(), "en", 1, false, 50);
        Discovery.Result result = new Discovery.Result(https::httpsSpelling);
        URI via = URI.create("https://www.secure.example/rss");

        result.add(new DiscoveredLink(URI.create("http://www.secure.example/2026/12/04/story"), null, "", via));
        result.add(new DiscoveredLink(URI.create("https://www.secure.example/2026/12/04/story"), null, "", via));
        result.add(new DiscoveredLink(URI.create("http://elsewhere.example/2026/12/04/story"), null, "", via));

        assertThat(result.links()).extracting(link -> link.url().toString()).containsExactly(
                "https://www.secure.example/2026/12/04/story", "http://elsewhere.example/2026/12/04/story");
    }

    @Test
    void aListingWhoseParserCrashesFailsAloneWithItsReason() {
        Source source = source("crash.test", List.of(), List.of(), List.of());
        URI listing = server.url("crash.test", "/sitemap.xml");
        CrawlBatch batch = new CrawlBatch();
        Discovery.Result result = new Discovery.Result();

        Optional<Object> parsed = discovery.parse(source, listing, "sitemap parser", () -> {
            throw new NullPointerException("Cannot invoke \"String.toLowerCase()\" because \"contentType\" is null");
        }, batch, result);

        assertThat(parsed).isEmpty();
        assertThat(result.failures()).containsEntry("parser-failed", 1);
        assertThat(batch.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("parser-failed");
            assertThat(d.subject()).isEqualTo(listing.toString());
            assertThat(d.message()).contains("crash-test", "sitemap parser", "NullPointerException", "contentType");
        });
    }

    @Test
    void aMalformedFeedIsADeadLetterAndTheOtherFeedsStillCount() throws Exception {
        server.route("mixed.test", "/broken.rss", new Routes.Body("application/rss+xml", "<rss><channel><item>".getBytes()));
        server.route("mixed.test", "/good.rss", new Routes.Body("application/rss+xml", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://mixed.test/</link>
                <description>d</description><item><title>a</title><link>/news/a.html</link></item></channel></rss>
                """.getBytes()));
        CrawlBatch batch = new CrawlBatch();

        Discovery.Result result = discover(source("mixed.test",
                List.of(server.url("mixed.test", "/broken.rss"), server.url("mixed.test", "/good.rss")), List.of(), List.of()), batch);

        assertThat(result.links()).extracting(l -> l.url().getPath()).containsExactly("/news/a.html");
        assertThat(batch.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("malformed-feed");
            assertThat(d.subject()).endsWith("/broken.rss");
        });
    }

    @Test
    void trackingParametersAndFragmentsDoNotMakeTwoLinks() throws Exception {
        server.route("dup.test", "/feed.rss", new Routes.Body("application/rss+xml", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://dup.test/</link><description>d</description>
                <item><title>a</title><link>/news/a.html?utm_source=rss&amp;utm_medium=feed</link></item>
                <item><title>a again</title><link>/news/a.html#comments</link></item>
                <item><title>a, third</title><link>HTTP://DUP.TEST:%d/news/a.html?fbclid=xyz</link></item>
                </channel></rss>""".formatted(server.port()).getBytes()));

        Discovery.Result result = discover(source("dup.test", List.of(server.url("dup.test", "/feed.rss")),
                List.of(), List.of()), new CrawlBatch());

        assertThat(result.links()).singleElement().satisfies(l -> assertThat(l.url().getPath()).isEqualTo("/news/a.html"));
    }
}
