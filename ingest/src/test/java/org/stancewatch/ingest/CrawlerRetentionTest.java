package org.stancewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.publish.CrawlBatch;
import org.stancewatch.ingest.publish.MemoryOutput;
import org.stancewatch.ingest.publish.StateChange;
import org.stancewatch.ingest.source.CrawlSettings;
import org.stancewatch.ingest.state.StateKey;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.model.Article;
import org.stancewatch.testing.MutableClock;

/**
 * The crawler forgets what its listings stopped naming, on the fixture site with a clock moved
 * forward by hand (fetch times stay real, so the clock only ever moves ahead of them).
 */
class CrawlerRetentionTest {
    private static final String WIRE_FEED = "/feed.atom";
    private static final String VISIT = "/stories/medvedev-visit";

    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<CrawlBatch> batches = new CopyOnWriteArrayList<>();
    private FixtureServer site;
    private MemoryOutput output;
    private Crawler crawler;

    @BeforeEach
    void start() throws Exception {
        site = FixtureServer.newsSite();
        output = new MemoryOutput(batches::add);
        crawler = Crawler.open(CrawlerConfig.inMemory(site.sources(), output).withResolver(FixtureServer.resolver())
                .withClock(clock));
    }

    @AfterEach
    void stop() {
        crawler.close();
        site.close();
    }

    @Test
    void anArticlePageTheFeedStoppedListingIsForgottenAfterTheRetentionAndIsNewWhenItComesBack() throws Exception {
        crawler.runOnce();
        Article visit = published(VISIT).getFirst();
        String visitUrl = site.url("wire.test", VISIT).toString();
        String originalUrl = site.url("wire.test", "/stories/new-start-ratified").toString();
        String feed = resource("/site/wire.test" + WIRE_FEED);
        site.replace("wire.test", WIRE_FEED, withoutEntry(feed, "medvedev-visit"));

        clock.advance(CrawlSettings.DEFAULT_STATE_RETENTION.minusDays(1));
        crawler.runOnce();
        assertThat(crawler.state().page("wire", visitUrl)).as("not yet: a day of the retention is left").isPresent();

        batches.clear();
        clock.advance(Duration.ofDays(2));
        crawler.runOnce();

        assertThat(crawler.state().page("wire", visitUrl)).isEmpty();
        assertThat(crawler.state().article(visit.id())).isEmpty();
        assertThat(crawler.state().page("wire", originalUrl)).as("still listed").isPresent();
        CrawlBatch forgetting = batches.stream()
                .filter(batch -> batch.changes().contains(new StateChange(StateKey.page("wire", visitUrl), null)))
                .findFirst().orElseThrow();
        assertThat(forgetting.changes()).as("the tombstones go with the run's listings, in one transaction")
                .contains(new StateChange(StateKey.article("wire", visit.id()), null))
                .anySatisfy(change -> assertThat(change.key()).endsWith(WIRE_FEED));

        site.replace("wire.test", WIRE_FEED, feed);
        clock.advance(Duration.ofDays(1));
        site.clearLog();
        crawler.runOnce();

        assertThat(site.requests("wire.test", VISIT)).as("fetched as a new page").singleElement()
                .satisfies(request -> assertThat(request.ifNoneMatch()).isNull());
        List<Article> versions = published(VISIT);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).id()).as("the same article id: a re-publication, not a new article")
                .isEqualTo(visit.id());
        assertThat(versions.get(1).revision()).isEqualTo(1);
        assertThat(crawler.state().article(visit.id())).isPresent();
    }

    private List<Article> published(String path) {
        return output.articles().stream().filter(a -> a.url().endsWith(path)).toList();
    }

    private static String withoutEntry(String feed, String slug) {
        return feed.replaceAll("(?s)<entry>(?:(?!</entry>).)*" + slug + ".*?</entry>", "");
    }

    private static String resource(String path) throws IOException {
        try (var in = CrawlerRetentionTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
