package org.stancewatch.ingest.robots;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.fetch.FetchScope;
import org.stancewatch.ingest.fetch.HttpFetcher;
import org.stancewatch.ingest.fetch.Politeness;
import org.stancewatch.ingest.source.CrawlSettings;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.RobotsState;
import org.stancewatch.ingest.state.StateKey;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.Routes;

/** robots.txt outcomes per RFC 9309, from a local server. */
class RobotsCacheTest {
    private FixtureServer server;
    private HttpFetcher fetcher;
    private CrawlState state;
    private List<RobotsState> stored;
    private RobotsCache robots;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        fetcher = new HttpFetcher(CrawlSettings.defaults().withFetchTimeout(Duration.ofSeconds(3)), FixtureServer.resolver(),
                new Politeness());
        state = new CrawlState();
        stored = new ArrayList<>();
        robots = new RobotsCache(fetcher, state, r -> {
            stored.add(r);
            state.apply(StateKey.robots(r.origin()), r);
        }, "stancewatch", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private RobotsRules rules(String host) throws InterruptedException {
        return robots.rulesFor(server.url(host, "/any"), FetchScope.ofSite(List.of(server.url(host, "/")), true), Duration.ZERO);
    }

    @Test
    void rulesForOurUserAgentAreApplied() throws Exception {
        RobotsRules rules = rules("herald.test");

        assertThat(rules.allows(server.url("herald.test", "/2011/03/17/reset-talks/"))).isTrue();
        assertThat(rules.allows(server.url("herald.test", "/private/leak/"))).isFalse();
    }

    @Test
    void aRobotsTxtThatAnswers500DisallowsEverything() throws Exception {
        server.route("down.test", "/robots.txt", new Routes.Status(500));

        RobotsRules rules = rules("down.test");

        assertThat(rules.outcome()).isEqualTo(RobotsState.Outcome.UNREACHABLE);
        assertThat(rules.allows(server.url("down.test", "/news/story.html"))).isFalse();
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() throws Exception {
        RobotsRules rules = rules("gazette.test"); // the fixture has none: 404

        assertThat(rules.outcome()).isEqualTo(RobotsState.Outcome.UNAVAILABLE);
        assertThat(rules.allows(server.url("gazette.test", "/news/anything.html"))).isTrue();
    }

    @Test
    void aRobotsTxtLargerThanAllowedIsReadOnlyUpToTheLimit() throws Exception {
        String head = "User-agent: *\nDisallow: /early/\n";
        String filler = "# padding\n".repeat((int) (RobotsCache.MAX_BYTES / 10) + 10_000);
        String tail = "User-agent: *\nDisallow: /late/\n";
        server.route("big.test", "/robots.txt", new Routes.Body("text/plain", (head + filler + tail).getBytes()));

        RobotsRules rules = rules("big.test");

        assertThat(rules.allows(server.url("big.test", "/early/page"))).isFalse();
        assertThat(rules.allows(server.url("big.test", "/late/page"))).as("past the 512 KiB limit").isTrue();
    }

    @Test
    void crawlDelayIsRead() throws Exception {
        server.route("slow.test", "/robots.txt", new Routes.Body("text/plain",
                "User-agent: stancewatch\nCrawl-delay: 2\nDisallow: /tmp/\n".getBytes()));

        assertThat(rules("slow.test").crawlDelay()).contains(Duration.ofSeconds(2));
    }

    @Test
    void robotsTxtIsFetchedOncePerOriginAndKeptInTheCrawlState() throws Exception {
        rules("herald.test");
        rules("herald.test");

        assertThat(server.requests("herald.test", "/robots.txt")).hasSize(1);
        assertThat(stored).singleElement().satisfies(r -> assertThat(r.origin()).isEqualTo("http://herald.test:" + server.port()));

        // a new cache on the same state (a restart) does not fetch it again
        RobotsCache restarted = new RobotsCache(fetcher, state, r -> {}, "stancewatch", Clock.systemUTC());
        restarted.rulesFor(server.url("herald.test", "/x"), FetchScope.ofSite(List.of(server.url("herald.test", "/")), true), Duration.ZERO);
        assertThat(server.requests("herald.test", "/robots.txt")).hasSize(1);
    }

    @Test
    void theOriginLeavesDefaultPortsOut() {
        assertThat(RobotsCache.origin(URI.create("HTTPS://Example.COM:443/a"))).isEqualTo("https://example.com");
        assertThat(RobotsCache.origin(URI.create("http://example.com:8080/a"))).isEqualTo("http://example.com:8080");
    }
}
