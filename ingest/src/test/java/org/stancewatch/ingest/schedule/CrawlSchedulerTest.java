package org.stancewatch.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.crawl.SourceStats;
import org.stancewatch.ingest.source.ArticlePatterns;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.SourceRunState;
import org.stancewatch.ingest.state.StateKey;

class CrawlSchedulerTest {

    private static Source source(String id, Duration interval) {
        return new Source(id, id, URI.create("https://" + id + ".example/"), List.of(URI.create("https://" + id + ".example/feed")),
                List.of(), List.of(), interval, ArticlePatterns.sameSite(), "en", 1, false, 10);
    }

    private static SourceStats stats(String id) {
        return new SourceStats(id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 1, false);
    }

    @Test
    void aSourceRunsOnItsIntervalAndNeverTwiceAtOnce() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        List<Instant> starts = new CopyOnWriteArrayList<>();
        CrawlScheduler.SourceRunner slowRunner = (source, stop) -> {
            starts.add(Instant.now());
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            Thread.sleep(300); // a run longer than the interval
            concurrent.decrementAndGet();
            return stats(source.id());
        };
        try (CrawlScheduler scheduler = new CrawlScheduler(List.of(source("a", Duration.ofMillis(100))), slowRunner,
                SourceOwnership.all(), new CrawlState(), Clock.systemUTC(), 4)) {
            scheduler.start();
            Thread.sleep(1500);
        }

        assertThat(maxConcurrent.get()).isEqualTo(1);
        assertThat(starts).hasSizeBetween(3, 5);
        for (int i = 1; i < starts.size(); i++) {
            // the next run is planned when the previous ends: 300 ms of run + 100-110 ms of interval
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        }
    }

    @Test
    void afterARestartTheNextRunIsDueFromTheLastRunsEnd() throws Exception {
        CrawlState state = new CrawlState();
        Instant justEnded = Instant.now();
        state.apply(StateKey.run("recent"), new SourceRunState("recent", justEnded.minusSeconds(5), justEnded, Map.of()));
        state.apply(StateKey.run("overdue"), new SourceRunState("overdue", justEnded.minusSeconds(7200),
                justEnded.minusSeconds(3600), Map.of()));
        List<String> ran = new CopyOnWriteArrayList<>();
        try (CrawlScheduler scheduler = new CrawlScheduler(
                List.of(source("recent", Duration.ofHours(1)), source("overdue", Duration.ofMinutes(30)), source("never", Duration.ofHours(1))),
                (source, stop) -> {
                    ran.add(source.id());
                    return stats(source.id());
                }, SourceOwnership.all(), state, Clock.systemUTC(), 2)) {
            scheduler.start();
            Thread.sleep(1000);
        }

        assertThat(ran).containsExactlyInAnyOrder("overdue", "never");
    }

    @Test
    void sourcesOwnedByAnotherInstanceAreNotRun() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (CrawlScheduler scheduler = new CrawlScheduler(List.of(source("mine", Duration.ofHours(1)), source("theirs", Duration.ofHours(1))),
                (source, stop) -> {
                    ran.add(source.id());
                    return stats(source.id());
                }, id -> id.equals("mine"), new CrawlState(), Clock.systemUTC(), 2)) {
            List<SourceStats> once = scheduler.runOnce();
            assertThat(once).extracting(SourceStats::source).containsExactly("mine");
        }
        assertThat(ran).containsExactly("mine");
    }
}
