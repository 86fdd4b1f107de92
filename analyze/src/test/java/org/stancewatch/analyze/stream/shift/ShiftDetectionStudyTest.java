package org.stancewatch.analyze.stream.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.analyze.stream.aggregate.Contribution;
import org.stancewatch.analyze.stream.aggregate.SeriesKey;
import org.stancewatch.analyze.stream.support.DetectionStudies;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Direction;

/**
 * The detection study: synthetic series with and without an injected shift of tone, run through
 * the detector at its default settings (the same {@link ShiftMonitor} the topology uses),
 * reporting detection rate, median delay and false alarms per series-month. The figures go to
 * stdout and {@code target/detection-study.md}; docs/tone-shifts.md quotes them. Fixed seeds: the same
 * figures every run.
 */
class ShiftDetectionStudyTest {
    static final long SEED = 20100401L;
    static final int DAYS = 150;
    static final int SHIFT_DAY = 90;
    /** A shift counts as found when alerted within this many days, in its direction. */
    static final int DETECTION_HORIZON_DAYS = 28;
    static final double[] VOLUMES = {1.5, 4, 12};
    static final double[] SHIFTS = {0.2, 0.3, 0.5};
    static final int NULL_SERIES = 200;
    static final int SHIFT_SERIES = 100;

    record Cell(double volume, double shift, double detectionRate, double medianDelayDays, double falseAlarmsPerMonth) {}

    static final List<Cell> cells = new ArrayList<>();
    static final List<Cell> nulls = new ArrayList<>();

    @BeforeAll
    static void runStudy() throws IOException {
        ShiftSettings settings = ShiftSettings.defaults();
        long seed = SEED;
        for (double volume : VOLUMES) {
            long falseAlarms = 0;
            for (int i = 0; i < NULL_SERIES; i++) {
                falseAlarms += run(new SyntheticSeries(volume, DAYS, -1, 0), seed++, settings).size();
            }
            nulls.add(new Cell(volume, 0, 0, Double.NaN, falseAlarms / (NULL_SERIES * monthsWatched(DAYS, settings))));
            for (double size : SHIFTS) {
                int found = 0;
                long preShiftAlarms = 0;
                List<Long> delays = new ArrayList<>();
                for (int i = 0; i < SHIFT_SERIES; i++) {
                    double shift = i % 2 == 0 ? -size : size;
                    List<Alert> alerts = run(new SyntheticSeries(volume, DAYS, SHIFT_DAY, shift), seed++, settings);
                    Direction expected = shift < 0 ? Direction.NEGATIVE : Direction.POSITIVE;
                    preShiftAlarms += alerts.stream().filter(a -> endDay(a) <= SHIFT_DAY).count();
                    Optional<Alert> hit = alerts.stream()
                            .filter(a -> endDay(a) > SHIFT_DAY && endDay(a) <= SHIFT_DAY + DETECTION_HORIZON_DAYS)
                            .filter(a -> a.direction() == expected).findFirst();
                    if (hit.isPresent()) {
                        found++;
                        delays.add(endDay(hit.get()) - SHIFT_DAY);
                    }
                }
                cells.add(new Cell(volume, size, found / (double) SHIFT_SERIES, DetectionStudies.median(delays),
                        preShiftAlarms / (SHIFT_SERIES * monthsWatched(SHIFT_DAY, settings))));
            }
        }
        String report = report(settings);
        DetectionStudies.publish(report, "detection-study.md");
    }

    /** Series-months during which a full baseline and recent window exist to compare. */
    static double monthsWatched(int days, ShiftSettings settings) {
        return (days - settings.baselineDays() - settings.recentDays()) / 30.0;
    }

    static List<Alert> run(SyntheticSeries series, long seed, ShiftSettings settings) {
        ShiftMonitor monitor = new ShiftMonitor(settings, AnalyzeSettings.defaults("unused:9092").windowGrace());
        SeriesKey key = SeriesKey.actor("actor");
        SeriesHistory history = SeriesHistory.EMPTY;
        List<Alert> alerts = new ArrayList<>();
        for (SyntheticSeries.Arrival arrival : series.draw(seed)) {
            ShiftMonitor.Outcome outcome = monitor.apply(key, history, Contribution.added(arrival.mention()),
                    Instant.EPOCH);
            history = outcome.history();
            outcome.alert().ifPresent(alerts::add);
        }
        return alerts;
    }

    /** The series day (0 = the first) after the alert's recent window. */
    static long endDay(Alert alert) {
        return ShiftMonitor.epochDay(alert.windowEnd()) - ShiftMonitor.epochDay(SyntheticSeries.START);
    }

    static String report(ShiftSettings s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Detection study (seed %d; %d-day series, shift on day %d; defaults: "
                        + "baseline %d d, recent %d d, min evidence %.0f/%.0f, |z| >= %.1f, |change| >= %.2f, "
                        + "cool-down %d d, shrinkage %.0f)%n%n", SEED, DAYS, SHIFT_DAY, s.baselineDays(), s.recentDays(),
                s.minBaseline(), s.minRecent(), s.threshold(), s.minChange(), s.cooldownDays(), s.shrinkage()));
        out.append("| articles/weekday | shift | detected (28 d) | median delay (days) | false alarms / series-month before the shift |\n");
        out.append("|---|---|---|---|---|\n");
        for (Cell cell : cells) {
            out.append(String.format(Locale.ROOT, "| %.1f | %.1f | %.0f%% | %s | %.3f |%n", cell.volume(), cell.shift(),
                    100 * cell.detectionRate(), Double.isNaN(cell.medianDelayDays()) ? "-"
                            : String.format(Locale.ROOT, "%.1f", cell.medianDelayDays()), cell.falseAlarmsPerMonth()));
        }
        out.append("\n| articles/weekday | false alarms / series-month without a shift |\n|---|---|\n");
        for (Cell cell : nulls) {
            out.append(String.format(Locale.ROOT, "| %.1f | %.3f |%n", cell.volume(), cell.falseAlarmsPerMonth()));
        }
        return out.toString();
    }

    static Cell cell(double volume, double shift) {
        return cells.stream().filter(c -> c.volume() == volume && c.shift() == shift).findFirst().orElseThrow();
    }

    @Test
    void seriesWithoutAShiftRarelyRaiseAnAlarm() {
        // at most about one false alarm per series in four years, at every volume
        assertThat(nulls).allSatisfy(cell -> assertThat(cell.falseAlarmsPerMonth()).isLessThan(0.025));
        // before their shift, the shift series are null series too (fewer months: a looser bound)
        assertThat(cells).allSatisfy(cell -> assertThat(cell.falseAlarmsPerMonth()).isLessThan(0.06));
    }

    @Test
    void aLargeShiftIsFoundInNearlyEverySeriesWithinDays() {
        for (double volume : new double[] {4, 12}) {
            assertThat(cell(volume, 0.5).detectionRate()).isGreaterThanOrEqualTo(0.9);
            assertThat(cell(volume, 0.5).medianDelayDays()).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void moreCoverageFindsSmallerShiftsAndFindsThemSooner() {
        assertThat(cell(12, 0.3).detectionRate()).isGreaterThan(cell(1.5, 0.3).detectionRate());
        assertThat(cell(12, 0.5).medianDelayDays()).isLessThanOrEqualTo(cell(1.5, 0.5).medianDelayDays());
        assertThat(cell(12, 0.3).detectionRate()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void largerShiftsAreFoundMoreOften() {
        for (double volume : VOLUMES) {
            assertThat(cell(volume, 0.5).detectionRate()).isGreaterThanOrEqualTo(cell(volume, 0.2).detectionRate());
        }
    }
}
