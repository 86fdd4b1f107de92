package org.stancewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.crawl.SourceCounters;
import org.stancewatch.ingest.crawl.SourceCrawl;
import org.stancewatch.ingest.crawl.SourceStats;
import org.stancewatch.ingest.extract.ArticleExtractor;
import org.stancewatch.ingest.fetch.HttpFetcher;
import org.stancewatch.ingest.fetch.Politeness;
import org.stancewatch.ingest.publish.CrawlBatch;
import org.stancewatch.ingest.publish.CrawlOutput;
import org.stancewatch.ingest.publish.MemoryOutput;
import org.stancewatch.ingest.publish.PublishException;
import org.stancewatch.ingest.robots.RobotsCache;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.source.Sources;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.Routes;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.testing.MutableClock;

/** The crawler publishes each visited source's status, judged by the health rules, on the fixture news site. */
class CrawlerStatusTest {
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private FixtureServer site;
    private MemoryOutput output;
    private MutableClock clock;

    @BeforeEach
    void start() throws Exception {
        site = FixtureServer.newsSite();
        output = new MemoryOutput();
        clock = new MutableClock(START);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** One visit of every source, an hour after the previous one, as the schedule would have it. */
    private Map<String, SourceStatus> visit() throws Exception {
        try (Crawler crawler = Crawler.open(CrawlerConfig.inMemory(site.sources(), output)
                .withResolver(FixtureServer.resolver()).withClock(clock))) {
            crawler.runOnce();
        }
        clock.advance(Duration.ofHours(1));
        return latest();
    }

    private Map<String, SourceStatus> latest() {
        return output.statuses().stream().collect(Collectors.toMap(SourceStatus::source, Function.identity(), (a, b) -> b));
    }

    @Test
    void everyVisitedSourceGetsAStatusWithItsFigures() throws Exception {
        Map<String, SourceStatus> statuses = visit();

        assertThat(output.statuses()).hasSize(3);
        assertThat(statuses).containsOnlyKeys("wire", "herald", "gazette");
        SourceStatus herald = statuses.get("herald");
        assertThat(herald.outlet()).isEqualTo("herald.test");
        assertThat(herald.health()).isEqualTo(SourceHealth.OK);
        assertThat(herald.problem()).isEmpty();
        assertThat(herald.lastVisit()).isEqualTo(START);
        assertThat(herald.lastSuccess()).isEqualTo(START);
        assertThat(herald.lastArticle()).as("its first visit found articles").isEqualTo(START);
        assertThat(herald.nextVisit()).as("the fixture's interval is 1h").isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(herald.failures()).as("its 404, 410, 500 and not-html pages").isEqualTo(4);
        assertThat(herald.deadLetters()).isEqualTo(4);
        assertThat(herald.healthSince()).isEqualTo(START);
        assertThat(output.state().lastRun("herald").orElseThrow().history().visits()).isEqualTo(1);
    }

    @Test
    void aFeedAnswering404OnTwoVisitsInARowMakesItsSourceDiscoveryGone() throws Exception {
        visit();
        site.route("herald.test", "/feed.rss", new Routes.Status(404));

        assertThat(visit().get("herald").health()).as("once is a blip").isEqualTo(SourceHealth.OK);
        Map<String, SourceStatus> statuses = visit();

        SourceStatus herald = statuses.get("herald");
        assertThat(herald.health()).isEqualTo(SourceHealth.DISCOVERY_GONE);
        assertThat(herald.problem()).contains("/feed.rss answered HTTP 404", "last 2 visits");
        assertThat(herald.healthSince()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(herald.lastSuccess()).as("its section page still works").isEqualTo(herald.lastVisit());
        assertThat(statuses.get("wire").health()).isEqualTo(SourceHealth.OK);
        assertThat(statuses.get("gazette").health()).isEqualTo(SourceHealth.OK);
    }

    @Test
    void robotsTxtNewlyDisallowingAFeedMakesItsSourceRobotsDisallowed() throws Exception {
        visit();
        site.route("wire.test", "/robots.txt", new Routes.Body("text/plain",
                "User-agent: *\nDisallow: /feed.atom\n".getBytes(StandardCharsets.UTF_8)));
        clock.advance(Duration.ofHours(24)); // the crawler keeps a robots.txt for a day

        SourceStatus wire = visit().get("wire");

        assertThat(wire.health()).isEqualTo(SourceHealth.ROBOTS_DISALLOWED);
        assertThat(wire.problem()).contains("robots.txt does not allow", "/feed.atom");
        assertThat(wire.lastSuccess()).as("its only listing was refused").isEqualTo(START);
    }

    @Test
    void aStatusThatCannotBePublishedLeavesTheVisitCountedAndIsPublishedWithTheNextVisit() throws Exception {
        Sources sources = site.sources();
        Source wire = sources.byId("wire").orElseThrow();
        RefusingStatuses refusing = new RefusingStatuses(output);
        Politeness politeness = new Politeness();
        try (HttpFetcher fetcher = new HttpFetcher(sources.settings(), FixtureServer.resolver(), politeness)) {
            RobotsCache robots = new RobotsCache(fetcher, output.state(), r -> {}, sources.settings().robotName(), clock);
            SourceCrawl crawl = new SourceCrawl(sources.settings(), fetcher, politeness, robots,
                    new ArticleExtractor()::extract, refusing, clock);
            SourceCounters counters = new SourceCounters("wire", new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

            SourceStats first = crawl.run(wire, counters, () -> false);
            assertThat(first.published()).as("the crawl went on").isPositive();
            assertThat(output.statuses()).isEmpty();
            assertThat(output.state().lastRun("wire").orElseThrow().history().visits()).as("the visit is kept").isEqualTo(1);

            refusing.refuse = false;
            clock.advance(Duration.ofHours(1));
            crawl.run(wire, counters, () -> false);
        }
        assertThat(output.statuses()).singleElement().satisfies(status -> {
            assertThat(status.source()).isEqualTo("wire");
            assertThat(status.lastVisit()).isEqualTo(START.plus(Duration.ofHours(1)));
        });
        assertThat(output.state().lastRun("wire").orElseThrow().history().visits()).isEqualTo(2);
    }

    /** A Kafka output that cannot write to stancewatch.sources: batches with statuses fail, the others go through. */
    private static final class RefusingStatuses implements CrawlOutput {
        private final MemoryOutput delegate;
        volatile boolean refuse = true;

        RefusingStatuses(MemoryOutput delegate) {
            this.delegate = delegate;
        }

        @Override
        public void commit(CrawlBatch batch) throws PublishException {
            if (refuse && !batch.statuses().isEmpty()) {
                throw new PublishException("the topic stancewatch.sources is not there", null, false);
            }
            delegate.commit(batch);
        }

        @Override
        public CrawlState state() {
            return delegate.state();
        }

        @Override
        public void close() {}
    }
}
