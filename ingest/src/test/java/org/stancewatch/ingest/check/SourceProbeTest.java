package org.stancewatch.ingest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.source.Sources;
import org.stancewatch.ingest.source.SourcesFile;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.Routes;

/**
 * {@code stancewatch sources check}'s logic against the local fixture server: one test per
 * verdict, each serving the feed, robots.txt and article pages that lead to it, and the
 * fixture news site's three outlets, which all work.
 */
class SourceProbeTest {
    private static final String HOST = "check.test";
    private static final String HTML = "text/html; charset=utf-8";

    private FixtureServer server;
    private SourceProbe probe;
    private Sources sources;

    @BeforeEach
    void start() throws IOException {
        server = FixtureServer.newsSite();
        sources = SourcesFile.parse("check sources.yml", """
                crawler:
                  userAgent: "stancewatch-test/1.0 (fixture crawler)"
                  from: crawler-tests@example.org
                  connectTimeout: 2s
                  readTimeout: 3s
                  fetchTimeout: 5s
                  maxRetryAfter: 2s
                defaults:
                  rate: 50
                sources:
                  - id: check
                    name: The Check Times
                    home: http://check.test:%1$d/
                    feeds: [http://check.test:%1$d/feed.rss]
                    articles:
                      allow: ['/news/']
                    allowPrivateAddresses: true
                """.formatted(server.port()).getBytes(StandardCharsets.UTF_8));
        probe = new SourceProbe(sources.settings(), FixtureServer.resolver(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        probe.close();
        server.close();
    }

    private Source source() {
        return sources.byId("check").orElseThrow();
    }

    private void feed(String... paths) {
        StringBuilder items = new StringBuilder();
        for (String path : paths) {
            items.append("<item><title>").append(path).append("</title><link>").append(server.url(HOST, path))
                    .append("</link><pubDate>Tue, 10 May 2011 17:00:00 GMT</pubDate></item>");
        }
        server.route(HOST, "/feed.rss", new Routes.Body("application/rss+xml",
                ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>The Check Times</title>" + items
                        + "</channel></rss>").getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = SourceProbeTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private void article(String path) throws IOException {
        server.route(HOST, path, new Routes.Body(HTML,
                resource("/site/herald.test/2011/05/10/new-start-ratified/index.html")));
    }

    @Test
    void theFixtureSitesOutletsAreOkWithTheirListingsRobotsAndArticleReported() throws Exception {
        Sources site = server.sources();
        try (SourceProbe siteProbe = new SourceProbe(site.settings(), FixtureServer.resolver(), Clock.systemUTC())) {
            for (Source source : site.sources()) {
                SourceCheckReport report = siteProbe.check(source);
                if (source.id().equals("herald")) {
                    assertThat(report.listings()).extracting(ListingProbe::kind).contains("feed", "section");
                    // its section page links to more than articles: found counts them all
                    assertThat(report.listings()).anySatisfy(l -> assertThat(l.found()).isGreaterThan(l.accepted()));
                }

                assertThat(report.verdict()).as(source.id() + ": " + report.reason()).isEqualTo(CheckVerdict.OK);
                assertThat(report.listings()).allSatisfy(l -> assertThat(l.robots()).isEqualTo(RobotsVerdict.ALLOWED));
                assertThat(report.listings().getFirst().status()).isEqualTo(200);
                assertThat(report.article().words()).isGreaterThan(40);
                assertThat(report.article().title()).isNotBlank();
            }
        }
    }

    @Test
    void aSourceWhoseFeedAndArticleWorkIsOkAndEveryRequestCarriesTheFromHeader() throws Exception {
        feed("/news/story");
        article("/news/story");

        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.OK);
        assertThat(report.reason()).contains("1 article listed", "Senate");
        assertThat(report.listings()).singleElement().satisfies(l -> {
            assertThat(l.status()).isEqualTo(200);
            assertThat(l.found()).isEqualTo(1);
            assertThat(l.accepted()).isEqualTo(1);
        });
        assertThat(report.article().published()).isNotNull();
        assertThat(server.requests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.from()).isEqualTo("crawler-tests@example.org");
            assertThat(r.userAgent()).isEqualTo("stancewatch-test/1.0 (fixture crawler)");
        });
    }

    @Test
    void aFeedThatListsNothingIsNoItems() throws Exception {
        feed();

        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.NO_ITEMS);
        assertThat(report.article()).isNull();
    }

    @Test
    void aFeedWhoseItemsTheArticlePatternsRefuseIsNoArticlesMatch() throws Exception {
        feed("/video/clip-1", "/video/clip-2");

        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.NO_ARTICLES_MATCH);
        assertThat(report.reason()).contains("2 items listed", "articles.allow");
        assertThat(report.listings().getFirst().problem()).contains("/video/clip-1");
    }

    @Test
    void robotsTxtThatRefusesTheFeedIsRobotsDisallowed() throws Exception {
        feed("/news/story");
        server.route(HOST, "/robots.txt", new Routes.Body("text/plain",
                "User-agent: stancewatch-test\nDisallow: /\n".getBytes(StandardCharsets.UTF_8)));

        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.ROBOTS_DISALLOWED);
        assertThat(report.listings().getFirst().robots()).isEqualTo(RobotsVerdict.DISALLOWED);
        assertThat(report.reason()).contains("robots.txt does not allow stancewatch-test");
        assertThat(server.requests(HOST, "/feed.rss")).isEmpty();
    }

    @Test
    void robotsTxtThatRefusesOnlyTheArticlesIsRobotsDisallowedToo() throws Exception {
        feed("/news/story");
        article("/news/story");
        server.route(HOST, "/robots.txt", new Routes.Body("text/plain",
                "User-agent: *\nDisallow: /news/\n".getBytes(StandardCharsets.UTF_8)));

        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.ROBOTS_DISALLOWED);
        assertThat(report.article().robots()).isEqualTo(RobotsVerdict.DISALLOWED);
        assertThat(server.requests(HOST, "/news/story")).isEmpty();
    }

    @Test
    void aCloudflareChallengeAtTheArticleIsABotChallenge() throws Exception {
        feed("/news/story");
        server.route(HOST, "/news/story", new Routes.Page(403, Map.of("cf-mitigated", "challenge", "Server", "cloudflare"),
                HTML, resource("/blocks/cloudflare-challenge.html")));

        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.BOT_CHALLENGE);
        assertThat(report.article().status()).isEqualTo(403);
        assertThat(report.article().failure()).isEqualTo("bot-challenge");
        assertThat(report.reason()).contains("Cloudflare", "User-Agent");
    }

    @Test
    void aChallengeInsteadOfTheFeedIsABotChallengeNotAFetchFailure() throws Exception {
        server.route(HOST, "/feed.rss", new Routes.Page(503, Map.of(), HTML, resource("/blocks/cloudflare-challenge.html")));

        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.BOT_CHALLENGE);
        assertThat(report.listings().getFirst().status()).isEqualTo(503);
        // a challenge's 503 is not a back-off to wait out: asked once
        assertThat(server.requests(HOST, "/feed.rss")).hasSize(1);
    }

    @Test
    void aConsentPageInsteadOfTheArticleIsAConsentWall() throws Exception {
        feed("/news/story");
        server.route(HOST, "/news/story", new Routes.Body(HTML, resource("/blocks/consent-before-you-continue.html")));

        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.CONSENT_WALL);
        assertThat(report.article().failure()).isEqualTo("consent-wall");
    }

    @Test
    void anArticleRedirectedToAConsentHostIsAConsentWall() throws Exception {
        feed("/news/story");
        server.route(HOST, "/news/story", new Routes.Redirect(302,
                server.url("consent." + HOST, "/collect?return=/news/story").toString()));

        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.CONSENT_WALL);
        assertThat(server.requests("consent." + HOST, "/collect?return=/news/story")).isEmpty();
    }

    @Test
    void aFeedThatAnswers404IsAFetchFailureThatSaysSo() throws Exception {
        // nothing routed at /feed.rss: the fixture server answers 404
        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.FETCH_FAILED);
        assertThat(report.listings().getFirst().status()).isEqualTo(404);
        assertThat(report.reason()).contains("/feed.rss", "404");
    }

    @Test
    void anArticleThatAnswers500IsAFetchFailure() throws Exception {
        feed("/news/story");
        server.route(HOST, "/news/story", new Routes.Status(500));

        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.FETCH_FAILED);
        assertThat(report.article().status()).isEqualTo(500);
    }

    @Test
    void anArticlePageWithoutAnArticleIsAnExtractionFailure() throws Exception {
        feed("/news/story");
        server.route(HOST, "/news/story", new Routes.Body(HTML, resource("/pages/empty.html")));

        SourceCheckReport report = probe.check(source());

        assertThat(report.verdict()).isEqualTo(CheckVerdict.EXTRACTION_FAILED);
        assertThat(report.reason()).contains("stancewatch extract " + server.url(HOST, "/news/story"));
    }

    @Test
    void aDisabledSourceIsReportedWithItsReasonAndNothingIsFetched() {
        SourceCheckReport report = probe.disabled(source(), "robots.txt disallows all crawlers");

        assertThat(report.verdict()).isEqualTo(CheckVerdict.DISABLED);
        assertThat(report.verdict().failed()).isFalse();
        assertThat(report.reason()).contains("robots.txt disallows all crawlers");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void onlyOkAndDisabledCountAsWorking() {
        assertThat(CheckVerdict.values()).filteredOn(v -> !v.failed())
                .containsExactlyInAnyOrder(CheckVerdict.OK, CheckVerdict.DISABLED);
    }
}
