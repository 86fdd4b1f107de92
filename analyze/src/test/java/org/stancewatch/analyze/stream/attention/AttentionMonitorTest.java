package org.stancewatch.analyze.stream.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.stream.shift.ShiftMonitor;
import org.stancewatch.model.Alert;
import org.stancewatch.model.AlertKind;
import org.stancewatch.model.Direction;
import org.stancewatch.model.StanceBucket;

/** The attention detector over whole days of coverage, the way the topology feeds it. */
class AttentionMonitorTest {
    static final Duration LATENESS = Duration.ofDays(37);
    static final long DAY_0 = 15_000; // 2011-01-25

    static AttentionRun run() {
        return new AttentionRun(AttentionSettings.defaults(), LATENESS);
    }

    /**
     * One day of coverage: {@code total} mentions in all, {@code series} of them of the series,
     * interleaved as they would arrive, then the flush.
     */
    static void day(AttentionRun run, int day, int total, int series) {
        int others = total - series;
        for (int i = 0; i < series; i++) {
            run.others(DAY_0 + day, (double) others / (series + 1));
            run.mention(DAY_0 + day, 1);
        }
        run.others(DAY_0 + day, (double) others / (series + 1));
        run.flush();
    }

    /** Days at a share of 2% (swinging between 1.6% and 2.4%), 3,000 mentions a day. */
    static void ordinaryDays(AttentionRun run, int from, int to) {
        for (int d = from; d <= to; d++) {
            day(run, d, 3000, d % 2 == 0 ? 48 : 72);
        }
    }

    @Test
    void aSteadyShareRaisesNothing() {
        AttentionRun run = run();
        ordinaryDays(run, 0, 79);

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void aBusyNewsDayOnWhichEverythingDoublesRaisesNothing() {
        AttentionRun run = run();
        ordinaryDays(run, 0, 39);
        day(run, 40, 9000, 180); // three times the mentions of the series, and of everything else
        day(run, 41, 6000, 120);
        ordinaryDays(run, 42, 45);

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void aTripledShareRaisesOneAlertNotOnePerDay() {
        AttentionRun run = run();
        ordinaryDays(run, 0, 39);
        for (int d = 40; d <= 47; d++) {
            day(run, d, 3000, 180); // 6% for eight days
        }

        List<Alert> alerts = run.alerts();
        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        assertThat(alert.kind()).isEqualTo(AlertKind.ATTENTION);
        assertThat(alert.direction()).isEqualTo(Direction.POSITIVE);
        assertThat(alert.id()).isEqualTo(Alert.idFor(AlertKind.ATTENTION, "actor", StanceBucket.ALL, StanceBucket.ALL,
                StanceBucket.ALL, alert.windowStart()));
        assertThat(alert.id()).isNotEqualTo(Alert.idFor("actor", StanceBucket.ALL, StanceBucket.ALL,
                StanceBucket.ALL, alert.windowStart()));
        assertThat(alert.baselineMean()).isCloseTo(0.02, within(0.001));
        assertThat(alert.recentMean()).isGreaterThan(0.04);
        assertThat(alert.change()).isCloseTo(alert.recentMean() - alert.baselineMean(), within(1e-12));
        assertThat(alert.significance()).isGreaterThanOrEqualTo(AttentionSettings.defaults().threshold());
        // on the second day: the first doubles the two-day window's share, short of 2.5 times
        assertThat(ShiftMonitor.epochDay(alert.windowEnd()) - 1).isEqualTo(DAY_0 + 41);
        assertThat(alert.windowEnd()).isEqualTo(alert.windowStart().plus(Duration.ofDays(2)));
        assertThat(alert.baselineStart()).isEqualTo(alert.windowStart().minus(Duration.ofDays(28)));
    }

    @Test
    void aBurstThatEndsAndComesBackLaterRaisesASecondAlert() {
        AttentionRun run = run();
        ordinaryDays(run, 0, 39);
        day(run, 40, 3000, 180);
        day(run, 41, 3000, 180);
        ordinaryDays(run, 42, 99); // the burst's days leave the baseline after 28 days
        day(run, 100, 3000, 180);
        day(run, 101, 3000, 180);

        assertThat(run.alerts()).extracting(a -> ShiftMonitor.epochDay(a.windowEnd()) - 1 - DAY_0)
                .containsExactly(41L, 101L);
    }

    @Test
    void tooFewMentionsRaiseNothingHoweverLargeTheRise() {
        AttentionRun run = run();
        for (int d = 0; d <= 39; d++) {
            day(run, d, 1000, d % 4 == 0 ? 1 : 0); // a mention every fourth day
        }
        day(run, 40, 1000, 4);
        day(run, 41, 1000, 5); // 9 mentions in the recent window: 36 times the share, one short of 10

        assertThat(run.alerts()).isEmpty();

        day(run, 42, 1000, 12); // 17: enough
        assertThat(run.alerts()).hasSize(1);
    }

    @Test
    void aDropOfAttentionRaisesNothing() {
        AttentionRun run = run();
        ordinaryDays(run, 0, 39);
        for (int d = 40; d <= 50; d++) {
            day(run, d, 3000, 6);
        }

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void nothingIsJudgedBeforeTheSeriesHasTwoWeeksOfBaseline() {
        AttentionRun run = run();
        for (int d = 0; d <= 39; d++) {
            day(run, d, 3000, 0); // the job counts other mentions; the series is not mentioned yet
        }
        for (int d = 40; d <= 50; d++) {
            day(run, d, 3000, 60); // a new actor in actors.yml: its ordinary coverage is no burst
        }

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void burstDaysThatArriveAfterLaterDaysRaiseTheSameAlertAsInOrder() {
        // while the job catches up on a backlog, a series may see days 42-50 before 40-41
        AttentionRun inOrder = run();
        ordinaryDays(inOrder, 0, 39);
        day(inOrder, 40, 3000, 180);
        day(inOrder, 41, 3000, 180);
        ordinaryDays(inOrder, 42, 50);

        AttentionRun reordered = run();
        ordinaryDays(reordered, 0, 39);
        ordinaryDays(reordered, 42, 50);
        day(reordered, 40, 3000, 180);
        day(reordered, 41, 3000, 180);

        assertThat(inOrder.alerts()).hasSize(1);
        assertThat(reordered.alerts()).singleElement().satisfies(alert -> {
            Alert expected = inOrder.alerts().get(0);
            assertThat(alert.id()).isEqualTo(expected.id());
            assertThat(alert.baselineMean()).isEqualTo(expected.baselineMean());
            assertThat(alert.recentCount()).isEqualTo(expected.recentCount());
            assertThat(alert.significance()).isEqualTo(expected.significance());
        });
    }

    @Test
    void aMentionTakenOutAgainLeavesTheHistoryAsBefore() {
        AttentionRun run = run();
        ordinaryDays(run, 0, 9);
        SeriesAttention before = run.history();
        run.mention(DAY_0 + 5, 1);
        run.mention(DAY_0 + 5, -1);

        assertThat(run.history().days()).isEqualTo(before.days());
    }
}
