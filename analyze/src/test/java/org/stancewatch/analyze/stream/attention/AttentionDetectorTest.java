package org.stancewatch.analyze.stream.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionDetectorTest {
    static final AttentionSettings SETTINGS = AttentionSettings.defaults();
    static final AttentionDetector DETECTOR = new AttentionDetector(SETTINGS);

    /** 28 baseline days (day 0-27) and 2 recent days (28-29), each with {@code total} mentions in all. */
    static SeriesAttention series(int baselinePerDay, int recentPerDay, int swing) {
        List<DayCount> days = new ArrayList<>();
        for (int d = 0; d < 28; d++) {
            int count = baselinePerDay + (d % 2 == 0 ? swing : -swing);
            days.add(new DayCount(d, count, count));
        }
        for (int d = 28; d < 30; d++) {
            days.add(new DayCount(d, recentPerDay, recentPerDay));
        }
        return new SeriesAttention(29L, 0L, days, null, null);
    }

    static AttentionAssessment assess(SeriesAttention series, double total) {
        return DETECTOR.assess(series, day -> total, 29);
    }

    @Test
    void theWindowsAreTheRecentDaysAndTheBaselineBeforeThem() {
        AttentionAssessment a = assess(series(60, 180, 0), 3000);

        assertThat(a.recentFromDay()).isEqualTo(28);
        assertThat(a.baselineFromDay()).isZero();
        assertThat(a.recentMentions()).isEqualTo(360);
        assertThat(a.baselineMentions()).isEqualTo(1680);
        assertThat(a.baselineShare()).isCloseTo(0.02, within(1e-12));
        assertThat(a.recentShare()).isCloseTo(0.06, within(1e-12));
        assertThat(a.ratio()).isCloseTo(3, within(1e-9));
        assertThat(a.coveredDays()).isEqualTo(28);
        assertThat(a.isBurst(SETTINGS)).isTrue();
    }

    @Test
    void theShareNotTheCountIsJudged() {
        AttentionAssessment a = DETECTOR.assess(series(20, 60, 0), day -> day >= 28 ? 3000 : 1000, 29);

        assertThat(a.ratio()).isCloseTo(1, within(1e-9));
        assertThat(a.z()).isLessThan(1);
    }

    @Test
    void dayToDaySwingsOfTheShareMakeTheSameRiseLessSignificant() {
        double calm = assess(series(100, 250, 0), 5000).z();
        double swinging = assess(series(100, 250, 50), 5000).z(); // days of 1% and 3% instead of 2%

        assertThat(swinging).isLessThan(calm * 0.8); // the same shares on average: only τ² differs
    }

    @Test
    void theDispersionFloorHoldsForASeriesWhoseShareNeverMoved() {
        AttentionAssessment a = assess(series(200, 230, 0), 10_000);

        assertThat(a.dispersion()).isEqualTo(SETTINGS.dispersionFloor());
        assertThat(a.isBurst(SETTINGS)).isFalse(); // 15% more: far from the ratio, whatever z says
    }

    @Test
    void theBetweenDayVarianceIsZeroWhenDaysVaryNoMoreThanTheirCountsExplain() {
        double[] weights = {100, 100, 100, 100};
        double[] totals = {1000, 1000, 1000, 1000};

        assertThat(AttentionDetector.betweenDayVariance(weights, totals, 4)).isZero();
        double[] swinging = {50, 200, 50, 200};
        assertThat(AttentionDetector.betweenDayVariance(swinging, totals, 4)).isGreaterThan(0.3);
    }

    @Test
    void withoutEnoughBaselineDaysNothingIsJudged() {
        SeriesAttention young = new SeriesAttention(29L, 20L, series(20, 60, 0).days().stream()
                .filter(d -> d.day() >= 20).toList(), null, null);

        AttentionAssessment a = assess(young, 1000);

        assertThat(a.coveredDays()).isEqualTo(8);
        assertThat(a.enoughEvidence()).isFalse();
        assertThat(a.z()).isZero();
    }

    @Test
    void afterAnAlertTheBaselineStartsAtTheRearmDayButTheCoverageStillCounts() {
        SeriesAttention base = series(20, 60, 0);
        SeriesAttention rearmed = new SeriesAttention(29L, 0L, base.days(), null, 20L);

        AttentionAssessment a = assess(rearmed, 1000);

        assertThat(a.baselineFromDay()).isEqualTo(20);
        assertThat(a.baselineMentions()).isEqualTo(160);
        assertThat(a.enoughEvidence()).isTrue();
    }

    @Test
    void aSeriesAbsentFromItsBaselineHasAnInfiniteRatioButAFiniteZ() {
        List<DayCount> days = List.of(new DayCount(0, 1, 1), new DayCount(28, 30, 30), new DayCount(29, 30, 30));
        SeriesAttention series = new SeriesAttention(29L, 0L, days, null, null);

        AttentionAssessment a = DETECTOR.assess(series, day -> day == 0 ? 1000 : 1000, 29);

        assertThat(a.ratio()).isGreaterThan(10);
        assertThat(Double.isFinite(a.z())).isTrue();
    }
}
