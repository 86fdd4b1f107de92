package org.stancewatch.analyze.stream.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.stancewatch.analyze.stream.support.Articles.article;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.analyze.stream.support.Articles;
import org.stancewatch.analyze.stream.support.KeywordStanceScorer;
import org.stancewatch.analyze.stream.support.PipelineDriver;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Direction;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.StanceBucket;

/** Alerts through the whole pipeline: threshold, minimum evidence, cool-down, fetch-dated articles. */
class ShiftDetectionTopologyTest {
    static final Instant DAY_0 = Instant.parse("2011-03-01T10:00:00Z");
    static final String FRIENDLY = "Moscow welcomed the talks. Moscow agreed on cooperation.";      // +0.4, +0.8
    static final String HOSTILE = "Moscow condemned the sanctions. Moscow rejected the plan.";      // -0.8, -0.4
    static final ShiftSettings SMALL = new ShiftSettings(Duration.ofDays(10), Duration.ofDays(3), 8, 4, 3.0, 0.2,
            Duration.ofDays(3), 2, 0.01, 3);

    static PipelineDriver pipeline(ShiftSettings shift) {
        return new PipelineDriver(new KeywordStanceScorer(), AnalyzeSettings.defaults("unused:9092").withShift(shift));
    }

    static Instant day(int day) {
        return DAY_0.plus(Duration.ofDays(day));
    }

    /** One article a day from {@code from} to {@code to} (inclusive) in the given outlet and tone. */
    static void days(PipelineDriver pipeline, int from, int to, String outlet, String text) {
        for (int d = from; d <= to; d++) {
            pipeline.send(article(outlet + "-" + text.hashCode() + "-" + d, outlet, day(d), text));
        }
    }

    static List<Alert> actorAlerts(PipelineDriver pipeline) {
        return pipeline.alerts().stream()
                .filter(a -> a.topic().equals(StanceBucket.ALL) && a.outlet().equals(StanceBucket.ALL)
                        && a.holder().equals(StanceBucket.ALL))
                .toList();
    }

    @Test
    void aSharpChangeOfToneRaisesOneAlertCarryingTheFiguresAndTheEvidence() {
        try (PipelineDriver pipeline = pipeline(SMALL)) {
            days(pipeline, 0, 9, "daily.example", FRIENDLY);
            days(pipeline, 10, 15, "daily.example", HOSTILE);

            List<Alert> alerts = actorAlerts(pipeline);
            assertThat(alerts).hasSize(1);
            Alert alert = alerts.get(0);
            assertThat(alert.actor()).isEqualTo("russia");
            assertThat(alert.direction()).isEqualTo(Direction.NEGATIVE);
            assertThat(alert.baselineMean()).isCloseTo(0.6, within(1e-9));
            assertThat(alert.baselineCount()).isGreaterThanOrEqualTo(8);
            assertThat(alert.recentMean()).isLessThan(0);
            assertThat(alert.change()).isCloseTo(alert.recentMean() - alert.baselineMean(), within(1e-9));
            assertThat(alert.significance()).isLessThanOrEqualTo(-3.0);
            assertThat(alert.windowEnd()).isEqualTo(alert.windowStart().plus(Duration.ofDays(3)));
            assertThat(alert.baselineStart()).isEqualTo(alert.windowStart().minus(Duration.ofDays(10)));
            assertThat(alert.windowEnd()).isAfter(day(10)).isBeforeOrEqualTo(day(13));
            assertThat(alert.evidence()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            assertThat(alert.evidence()).extracting(Evidence::sentence).allMatch(s -> s.contains("condemned")
                    || s.contains("rejected"));
            assertThat(alert.evidence().get(0).score()).isEqualTo(-0.8);
            assertThat(alert.evidence()).allSatisfy(e -> assertThat(e.url()).startsWith("https://daily.example/"));
            assertThat(pipeline.counters().alerts()).isEqualTo(pipeline.alerts().size());
        }
    }

    @Test
    void noAlertWhileTheRecentWindowLacksTheMinimumEvidence() {
        try (PipelineDriver pipeline = pipeline(SMALL.withMinEvidence(8, 5))) {
            days(pipeline, 0, 6, "daily.example", FRIENDLY);
            days(pipeline, 10, 11, "daily.example", HOSTILE); // recent window days 9-11: 4 mentions, one short

            assertThat(actorAlerts(pipeline)).isEmpty();

            days(pipeline, 12, 12, "daily.example", HOSTILE);
            assertThat(actorAlerts(pipeline)).hasSize(1);
        }
    }

    @Test
    void noAlertWhenTheChangeStaysBelowTheThreshold() {
        try (PipelineDriver pipeline = pipeline(SMALL.withThreshold(50))) {
            days(pipeline, 0, 9, "daily.example", FRIENDLY);
            days(pipeline, 10, 15, "daily.example", HOSTILE);

            assertThat(pipeline.alerts()).isEmpty();
        }
    }

    @Test
    void aSmallDriftOfToneRaisesNoAlert() {
        try (PipelineDriver pipeline = pipeline(SMALL)) {
            days(pipeline, 0, 9, "daily.example", FRIENDLY);
            days(pipeline, 10, 15, "daily.example", "Moscow welcomed the talks. Moscow welcomed the visit.");

            assertThat(pipeline.alerts()).isEmpty(); // 0.6 -> 0.4: the minimum change, not significant
        }
    }

    @Test
    void afterTheCoolDownTheNewToneIsTheBaselineSoOnlyAFurtherShiftAlertsAgain() {
        try (PipelineDriver pipeline = pipeline(SMALL)) {
            days(pipeline, 0, 9, "daily.example", FRIENDLY);
            days(pipeline, 10, 24, "daily.example", HOSTILE);   // stays hostile for two weeks: one alert
            assertThat(actorAlerts(pipeline)).extracting(Alert::direction).containsExactly(Direction.NEGATIVE);

            days(pipeline, 25, 32, "daily.example", FRIENDLY);  // and turns friendly again: a second one
            List<Alert> alerts = actorAlerts(pipeline);
            assertThat(alerts).extracting(Alert::direction).containsExactly(Direction.NEGATIVE, Direction.POSITIVE);
            assertThat(alerts.get(1).baselineMean()).isLessThan(0);
            assertThat(alerts.get(1).baselineStart()).isAfterOrEqualTo(alerts.get(0).windowStart());
            assertThat(alerts).extracting(Alert::id).doesNotHaveDuplicates();
        }
    }

    @Test
    void aShiftIsFoundWhenLaterDaysOfTheSeriesCameFirstAsWhenTheJobCatchesUpOnABacklog() {
        // while the job catches up, one partition may run weeks ahead of another in event time:
        // here the series sees days 24-30 before 10-23, so its latest day is past the turn at once
        AnalyzeSettings settings = AnalyzeSettings.defaults("unused:9092").withShift(SMALL)
                .withGrace(Duration.ofDays(21));
        Alert inOrder;
        try (PipelineDriver pipeline = pipeline(SMALL)) {
            days(pipeline, 0, 9, "daily.example", FRIENDLY);
            days(pipeline, 10, 30, "daily.example", HOSTILE);
            inOrder = actorAlerts(pipeline).get(0);
        }
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), settings)) {
            days(pipeline, 0, 9, "daily.example", FRIENDLY);
            days(pipeline, 24, 30, "daily.example", HOSTILE);
            days(pipeline, 10, 23, "daily.example", HOSTILE);

            List<Alert> alerts = actorAlerts(pipeline);
            assertThat(alerts).singleElement().satisfies(alert -> {
                assertThat(alert.direction()).isEqualTo(Direction.NEGATIVE);
                assertThat(alert.windowEnd()).isEqualTo(inOrder.windowEnd());
                assertThat(alert.baselineMean()).isEqualTo(inOrder.baselineMean());
                assertThat(alert.evidence()).isNotEmpty();
            });
        }
    }

    @Test
    void articlesDatedOnlyByTheirFetchTimeCountInBucketsButRaiseNoAlert() {
        try (PipelineDriver pipeline = pipeline(SMALL)) {
            days(pipeline, 0, 9, "daily.example", FRIENDLY);
            // a backfill of an archive: hostile old articles, all stamped with the day they were fetched
            for (int i = 0; i < 12; i++) {
                pipeline.send(Articles.fetchDated("archive-" + i, "daily.example", day(10).plusSeconds(i), HOSTILE));
            }

            assertThat(pipeline.alerts()).isEmpty();
            StanceBucket day10 = pipeline.buckets().get(StanceBucket.idFor("russia", StanceBucket.ALL,
                    StanceBucket.ALL, StanceBucket.ALL, "day", Instant.parse("2011-03-11T00:00:00Z")));
            assertThat(day10.count()).isEqualTo(24);
            assertThat(pipeline.counters().fetchDatedSkipped()).isPositive();
        }
    }

    @Test
    void outletAndTopicSeriesAreWatchedOnTheirOwn() {
        try (PipelineDriver pipeline = pipeline(SMALL)) {
            for (int d = 0; d <= 12; d++) {
                days(pipeline, d, d, "steady.example", FRIENDLY);
                days(pipeline, d, d, "turning.example", d < 10 ? FRIENDLY : HOSTILE);
            }

            assertThat(pipeline.alerts()).extracting(Alert::outlet).contains("turning.example")
                    .doesNotContain("steady.example");
        }
    }
}
