package org.stancewatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.Crawler;
import org.stancewatch.ingest.CrawlerConfig;
import org.stancewatch.ingest.extract.ArticleExtractor;
import org.stancewatch.ingest.fetch.HttpFetcher;
import org.stancewatch.ingest.fetch.Politeness;
import org.stancewatch.ingest.publish.MemoryOutput;
import org.stancewatch.ingest.robots.RobotsCache;
import org.stancewatch.ingest.source.ArticlePatterns;
import org.stancewatch.ingest.source.CrawlSettings;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.source.Sources;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.Routes;

/** One source's run on the fixture site when one of its listings or pages misbehaves: the rest of the run goes on. */
class SourceCrawlFaultsTest {
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

    private Source herald(List<URI> feeds, List<URI> sitemaps) {
        return new Source("herald", "The Daily Herald", site.url("herald.test", "/"), feeds, sitemaps, List.of(), Duration.ofHours(1),
                new ArticlePatterns(List.of(Pattern.compile("^http://herald\\.test:\\d+/20\\d\\d/")), List.of()),
                "en", 50, true, 50);
    }

    /** The herald with the given feeds and a sitemap at {@code /sitemap.xml} listing the given paths. */
    private Source heraldListing(List<URI> feeds, String... paths) {
        StringBuilder urls = new StringBuilder();
        for (String path : paths) {
            urls.append("<url><loc>").append(site.url("herald.test", path)).append("</loc></url>");
        }
        site.route("herald.test", "/sitemap.xml", new Routes.Body("application/xml", ("<?xml version=\"1.0\"?>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + urls + "</urlset>")
                .getBytes(StandardCharsets.UTF_8)));
        return herald(feeds, List.of(site.url("herald.test", "/sitemap.xml")));
    }

    private SourceStats runOnce(Source source) throws Exception {
        return runOnce(source, site.sources().settings());
    }

    private SourceStats runOnce(Source source, CrawlSettings settings) throws Exception {
        Sources sources = new Sources("test", settings, List.of(source));
        try (Crawler crawler = Crawler.open(CrawlerConfig.inMemory(sources, output).withResolver(FixtureServer.resolver()))) {
            return crawler.runOnce().getFirst();
        }
    }

    private List<String> publishedPaths() {
        return output.articles().stream().map(a -> URI.create(a.url()).getPath()).toList();
    }

    @Test
    void aSitemapServedWithoutAContentTypeIsReadBesideTheFeed() throws Exception {
        // crawler-commons once threw a NullPointerException here (found again by SitemapParserFuzzTest)
        String sitemap = """
                <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>http://herald.test:%d/2011/06/01/afghan-transit/</loc></url></urlset>
                """.formatted(site.port());
        site.route("herald.test", "/sitemap.xml", new Routes.Untyped(sitemap.getBytes(StandardCharsets.UTF_8)));

        SourceStats run = runOnce(herald(List.of(site.url("herald.test", "/feed.rss")),
                List.of(site.url("herald.test", "/sitemap.xml"))));

        assertThat(publishedPaths()).contains("/2011/03/17/reset-talks/", "/2011/06/01/afghan-transit/");
        assertThat(run.failed()).doesNotContainKey("parser-failed").doesNotContainKey("malformed-sitemap");
    }

    @Test
    void anArticleWhoseExtractorCrashesFailsAloneAndTheOtherArticlesArePublished() throws Exception {
        CrawlSettings settings = site.sources().settings();
        Politeness politeness = new Politeness();
        ArticleExtractor extractor = new ArticleExtractor();
        SourceCrawl.PageExtractor crashingOnOnePage = (url, body, type) -> {
            if (url.getPath().equals("/2011/03/17/reset-talks/")) {
                throw new NullPointerException("a library's bug on this page");
            }
            return extractor.extract(url, body, type);
        };
        Source source = heraldListing(List.of(), "/2011/03/17/reset-talks/", "/2011/06/01/afghan-transit/");
        SourceStats run;
        try (HttpFetcher fetcher = new HttpFetcher(settings, FixtureServer.resolver(), politeness)) {
            RobotsCache robots = new RobotsCache(fetcher, output.state(), r -> {}, settings.robotName(),
                    Clock.systemUTC());
            SourceCrawl crawl = new SourceCrawl(settings, fetcher, politeness, robots, crashingOnOnePage, output,
                    Clock.systemUTC());
            run = crawl.run(source, new SourceCounters(source.id(), new SimpleMeterRegistry()), () -> false);
        }

        assertThat(publishedPaths()).containsExactly("/2011/06/01/afghan-transit/");
        assertThat(run.failed()).containsExactly(java.util.Map.entry("parser-failed", 1L));
        assertThat(output.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("parser-failed");
            assertThat(d.subject()).endsWith("/2011/03/17/reset-talks/");
            assertThat(d.message()).contains("herald", "article extractor", "NullPointerException");
        });
        assertThat(output.state().page(source.id(), site.url("herald.test", "/2011/03/17/reset-talks/").toString()))
                .hasValueSatisfying(page -> assertThat(page.retryAfter()).isNotNull());
    }

    @Test
    void anArticleRedirectingToAnotherSiteIsRefusedAndNotPublished() throws Exception {
        // The wire's host is one of the herald's own URLs' hosts (a partner feed it lists), so
        // it may be reached at all; only the rule on redirects keeps the wire's story out of
        // the herald's series.
        site.route("herald.test", "/2011/07/01/jump/",
                new Routes.Redirect(302, site.url("wire.test", "/stories/medvedev-visit").toString()));
        Source withPartnerFeed = heraldListing(List.of(site.url("wire.test", "/feed.atom")),
                "/2011/07/01/jump/", "/2011/03/17/reset-talks/");

        SourceStats run = runOnce(withPartnerFeed);

        assertThat(publishedPaths()).containsExactly("/2011/03/17/reset-talks/");
        assertThat(run.failed()).containsEntry("off-site-redirect", 1L);
        assertThat(output.deadLetters()).filteredOn(d -> d.reason().equals("off-site-redirect")).singleElement()
                .satisfies(d -> {
                    assertThat(d.subject()).endsWith("/2011/07/01/jump/");
                    assertThat(d.message()).contains("wire.test", "/stories/medvedev-visit");
                });
        assertThat(site.requests("wire.test", "/stories/medvedev-visit")).isEmpty();
    }

    @Test
    void anArticleRedirectingWithinItsSiteIsStillPublished() throws Exception {
        site.route("herald.test", "/2011/03/17/reset-talks", new Routes.Redirect(301, "/2011/03/17/reset-talks/"));

        SourceStats run = runOnce(heraldListing(List.of(), "/2011/03/17/reset-talks"));

        assertThat(publishedPaths()).containsExactly("/2011/03/17/reset-talks/");
        assertThat(run.failed()).isEmpty();
    }

    /** The fixture's settings with a maximum Crawl-delay of one second. */
    private CrawlSettings maxCrawlDelayOneSecond() throws Exception {
        CrawlSettings fixture = site.sources().settings();
        return new CrawlSettings(fixture.userAgent(), fixture.connectTimeout(), fixture.readTimeout(),
                fixture.fetchTimeout(), fixture.maxBodyBytes(), fixture.maxRedirects(), fixture.revisitFor(),
                Duration.ofSeconds(1), fixture.maxRetryAfter(), fixture.parallelSources());
    }

    @Test
    void aCrawlDelayAboveTheMaximumSkipsTheHostWithItsReasonInsteadOfCrawlingFaster() throws Exception {
        site.route("herald.test", "/robots.txt", new Routes.Body("text/plain", "User-agent: *\nCrawl-delay: 5\n".getBytes()));

        SourceStats run = runOnce(heraldListing(List.of(site.url("herald.test", "/feed.rss"))), maxCrawlDelayOneSecond());

        assertThat(site.requests()).extracting(FixtureServer.Request::path).containsOnly("/robots.txt");
        assertThat(output.articles()).isEmpty();
        assertThat(run.failed()).containsOnlyKeys("crawl-delay-too-long");
        assertThat(output.deadLetters()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.reason()).isEqualTo("crawl-delay-too-long");
            assertThat(d.message()).contains("Crawl-delay of 5 s", "maximum of 1 s");
        });
    }

    @Test
    void articlesOnAHostAskingTooLongACrawlDelayAreDeferredAfterOneStatedFailure() throws Exception {
        // the listing lives on a host without a Crawl-delay; the articles on one that asks for 5 s
        site.route("herald.test", "/robots.txt", new Routes.Body("text/plain", "User-agent: *\nCrawl-delay: 5\n".getBytes()));
        String sitemap = """
                <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>%s</loc></url><url><loc>%s</loc></url></urlset>""".formatted(
                site.url("herald.test", "/2011/03/17/reset-talks/"), site.url("herald.test", "/2011/06/01/afghan-transit/"));
        site.route("maps.test", "/sitemap.xml", new Routes.Body("application/xml", sitemap.getBytes(StandardCharsets.UTF_8)));

        SourceStats run = runOnce(herald(List.of(), List.of(site.url("maps.test", "/sitemap.xml"))), maxCrawlDelayOneSecond());

        assertThat(site.requests()).filteredOn(r -> r.host().equals("herald.test"))
                .extracting(FixtureServer.Request::path).containsOnly("/robots.txt");
        assertThat(run.failed()).containsExactly(java.util.Map.entry("crawl-delay-too-long", 1L));
        assertThat(run.deferred()).isEqualTo(1);
    }
}
