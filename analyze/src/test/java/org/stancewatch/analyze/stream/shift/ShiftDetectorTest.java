package org.stancewatch.analyze.stream.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftDetectorTest {
    static final ShiftDetector DETECTOR = new ShiftDetector(ShiftSettings.defaults());

    /** A day of n mentions with the given mean and within-day sample variance. */
    static DayTotals day(long day, int n, double mean, double variance) {
        return new DayTotals(day, n, n, n * mean, (n - 1) * variance + n * mean * mean);
    }

    static List<DayTotals> series(int perDay, double baselineMean, double recentMean, double dailySwing) {
        List<DayTotals> days = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            days.add(day(d, perDay, baselineMean + (d % 2 == 0 ? dailySwing : -dailySwing), 0.1));
        }
        for (int d = 30; d < 37; d++) {
            days.add(day(d, perDay, recentMean, 0.1));
        }
        return days;
    }

    @Test
    void theWindowsAreTheRecentDaysAndTheBaselineBeforeThem() {
        Assessment a = DETECTOR.assess(series(5, 0.2, -0.2, 0), 36, null);

        assertThat(a.recentFromDay()).isEqualTo(30);
        assertThat(a.baselineFromDay()).isZero();
        assertThat(a.recent().count()).isEqualTo(35);
        assertThat(a.baseline().count()).isEqualTo(150);
        assertThat(a.baseline().days()).isEqualTo(30);
        assertThat(a.change()).isCloseTo(-0.4, within(1e-9));
        assertThat(a.enoughEvidence()).isTrue();
    }

    @Test
    void theSameChangeIsMoreSignificantWithMoreMentions() {
        double thin = DETECTOR.assess(series(2, 0.2, -0.1, 0), 36, null).z();
        double busy = DETECTOR.assess(series(20, 0.2, -0.1, 0), 36, null).z();

        assertThat(thin).isNegative();
        assertThat(busy).isLessThan(thin);
    }

    @Test
    void dayToDaySwingsInTheBaselineMakeTheSameChangeLessSignificant() {
        double calm = DETECTOR.assess(series(20, 0.2, -0.1, 0), 36, null).z();
        double swinging = DETECTOR.assess(series(20, 0.2, -0.1, 0.3), 36, null).z();

        assertThat(Math.abs(swinging)).isLessThan(Math.abs(calm) / 2);
    }

    @Test
    void shrinkageTakesAThinRecentWindowTowardTheBaseline() {
        List<DayTotals> days = series(20, 0.2, -0.1, 0);
        days.removeIf(d -> d.day() >= 30);
        days.add(day(36, 10, -0.1, 0.1));
        ShiftDetector noShrinkage = new ShiftDetector(ShiftSettings.defaults().withShrinkage(0));

        double shrunk = DETECTOR.assess(days, 36, null).z();
        double raw = noShrinkage.assess(days, 36, null).z();

        assertThat(shrunk).isCloseTo(raw * 10 / (10 + 10.0), within(1e-9));
    }

    @Test
    void tooLittleEvidenceOnEitherSideIsNoAssessment() {
        Assessment a = DETECTOR.assess(List.of(day(0, 20, 0.5, 0.1), day(36, 50, -0.5, 0.1)), 36, null);

        assertThat(a.enoughEvidence()).isFalse();
        assertThat(a.z()).isZero();
        assertThat(a.isShift(ShiftSettings.defaults())).isFalse();
    }

    @Test
    void afterAnAlertTheBaselineStartsAtTheRearmDay() {
        Assessment a = DETECTOR.assess(series(5, 0.2, -0.2, 0), 36, 20L);

        assertThat(a.baselineFromDay()).isEqualTo(20);
        assertThat(a.baseline().days()).isEqualTo(10);
    }

    @Test
    void identicalScoresCannotMakeATinyChangeCertain() {
        List<DayTotals> days = new ArrayList<>();
        for (int d = 0; d < 37; d++) {
            days.add(day(d, 20, d < 30 ? 0.5 : 0.49, 0.0));
        }

        assertThat(Math.abs(DETECTOR.assess(days, 36, null).z())).isLessThan(1);
    }
}
