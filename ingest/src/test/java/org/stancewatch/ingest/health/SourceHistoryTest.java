package org.stancewatch.ingest.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.source.HealthSettings;
import org.stancewatch.ingest.state.SourceRunState;
import org.stancewatch.ingest.state.StateCodec;
import org.stancewatch.ingest.state.StateKey;
import org.stancewatch.model.SourceHealth;

/** The history a source's run state keeps: its figures, its bounds, and its round trip through the state topic. */
class SourceHistoryTest {
    private static final URI FEED = URI.create("https://news.example/feed.rss");
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private final HealthSettings settings = HealthSettings.defaults();

    private SourceHistory visits(int n, Duration every, long newArticles) {
        SourceHistory history = SourceHistory.none();
        for (int i = 0; i < n; i++) {
            Instant at = T0.plus(every.multipliedBy(i));
            history = history.after(new Visit(at, at.plusSeconds(10), newArticles, 3, 1, 1, List.of(ListingCheck.ok(FEED))),
                    settings);
        }
        return history;
    }

    @Test
    void articlesPerDayLeaveOutTheFirstVisitsBacklogAndCountTheWindowOnly() {
        SourceHistory history = SourceHistory.none().after(new Visit(T0, T0.plusSeconds(10), 50, 51, 0, 0,
                List.of(ListingCheck.ok(FEED))), settings);
        for (int hour = 1; hour <= 24 * 10; hour++) {
            Instant at = T0.plus(Duration.ofHours(hour));
            history = history.after(new Visit(at, at.plusSeconds(10), hour % 2, 2, 0, 0, List.of(ListingCheck.ok(FEED))),
                    settings);
        }

        Instant now = T0.plus(Duration.ofHours(240)).plusSeconds(10);
        assertThat(history.articlesPerDay(now, settings.window())).isCloseTo(12.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(history.days()).as("the window's days and one more").hasSizeLessThanOrEqualTo(9);
    }

    @Test
    void aSourceVisitedEveryFewSecondsKeepsABoundedHistory() {
        SourceHistory history = visits(5_000, Duration.ofSeconds(2), 1);

        assertThat(history.visits()).isEqualTo(5_000);
        assertThat(history.recent()).hasSize(HealthSettings.MAX_RECENT_VISITS);
        assertThat(history.gapSeconds()).hasSize(SourceHistory.MAX_GAPS);
        assertThat(history.days()).hasSize(1);
        assertThat(StateCodec.write(new SourceRunState("s", T0, T0, java.util.Map.of(), history)).length)
                .as("bytes in the crawl-state record").isLessThan(4_000);
    }

    @Test
    void theHistoryRoundTripsThroughTheCrawlStateCodec() throws Exception {
        SourceHistory history = visits(4, Duration.ofHours(1), 1)
                .after(new Visit(T0.plusSeconds(5 * 3600), T0.plusSeconds(5 * 3600 + 10), 0, 1, 1, 1,
                        List.of(new ListingCheck(FEED, ListingCheck.Result.GONE, "HTTP 410 Gone"))), settings)
                .judged(new SourceHealthJudge.Verdict(SourceHealth.SILENT, "quiet"), T0);
        SourceRunState state = new SourceRunState("s", T0, T0.plusSeconds(5), java.util.Map.of("fetched", 3L), history);

        Object read = StateCodec.read(StateKey.run("s"), StateCodec.write(state));

        assertThat(read).isEqualTo(state);
    }

    @Test
    void aRunStateFromBeforeHealthWasTrackedReadsWithoutHistory() throws Exception {
        byte[] old = ("{\"source\":\"s\",\"lastStart\":\"2026-03-02T00:00:00Z\",\"lastEnd\":\"2026-03-02T00:01:00Z\","
                + "\"counts\":{\"fetched\":3}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        SourceRunState read = (SourceRunState) StateCodec.read(StateKey.run("s"), old);

        assertThat(read.history()).isNull();
        assertThat(read.lastEnd()).isEqualTo(Instant.parse("2026-03-02T00:01:00Z"));
    }

    @Test
    void aTallyStoredBeforeBlockedFetchesWereCountedReadsAsNoneBlocked() throws Exception {
        byte[] old = ("{\"source\":\"s\",\"lastStart\":\"2026-03-02T00:00:00Z\",\"lastEnd\":\"2026-03-02T00:01:00Z\","
                + "\"counts\":{},\"history\":{\"visits\":1,\"recent\":[{\"at\":\"2026-03-02T00:01:00Z\",\"visits\":1,"
                + "\"newArticles\":2,\"fetches\":3,\"failures\":1,\"deadLetters\":1}]}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        SourceRunState read = (SourceRunState) StateCodec.read(StateKey.run("s"), old);

        assertThat(read.history().recent()).singleElement().satisfies(t -> {
            assertThat(t.fetches()).isEqualTo(3);
            assertThat(t.blocked()).isZero();
        });
    }
}
