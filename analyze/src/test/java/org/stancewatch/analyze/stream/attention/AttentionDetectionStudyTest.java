package org.stancewatch.analyze.stream.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.analyze.stream.shift.ShiftMonitor;
import org.stancewatch.analyze.stream.support.DetectionStudies;
import org.stancewatch.model.Alert;

/**
 * The attention detection study: synthetic coverage ({@link SyntheticCoverage}) with and
 * without a planted burst, run through the detector at its default settings (the same
 * {@link AttentionMonitor} the topology uses, fed as {@link AttentionRun} feeds it), reporting
 * detection rate, median delay and false alarms per series-year. The figures go to stdout and
 * {@code target/attention-study.md}; docs/attention-bursts.md quotes them. Fixed seeds: the
 * same figures every run.
 */
class AttentionDetectionStudyTest {
    static final long SEED = 20110215L;
    static final long DAY_0 = 14_610; // 2010-01-01
    static final int NULL_DAYS = 365;
    static final int NULL_SERIES = 100;
    static final int BURST_SERIES_DAYS = 130;
    static final int BURST_DAY = 100;
    static final int BURST_DAYS = 3;
    static final int BURST_SERIES = 100;
    static final double[] VOLUMES = {3, 8, 20, 50};
    static final double[] FACTORS = {2, 3, 5};

    record Cell(double volume, double factor, double detectionRate, double medianDelayDays,
                double falseAlarmsPerYear) {}

    static final List<Cell> cells = new ArrayList<>();
    static final List<Cell> nulls = new ArrayList<>();

    @BeforeAll
    static void runStudy() throws IOException {
        AttentionSettings settings = AttentionSettings.defaults();
        long seed = SEED;
        for (double volume : VOLUMES) {
            long falseAlarms = 0;
            for (int i = 0; i < NULL_SERIES; i++) {
                falseAlarms += run(new SyntheticCoverage(volume, NULL_DAYS, -1, 1, 0), seed++, settings).size();
            }
            nulls.add(new Cell(volume, 1, 0, Double.NaN, falseAlarms / (NULL_SERIES * yearsWatched(NULL_DAYS, settings))));
            for (double factor : FACTORS) {
                int found = 0;
                long before = 0;
                List<Long> delays = new ArrayList<>();
                for (int i = 0; i < BURST_SERIES; i++) {
                    List<Alert> alerts = run(new SyntheticCoverage(volume, BURST_SERIES_DAYS, BURST_DAY, factor,
                            BURST_DAYS), seed++, settings);
                    before += alerts.stream().filter(a -> lastDay(a) < BURST_DAY).count();
                    Optional<Alert> hit = alerts.stream()
                            .filter(a -> lastDay(a) >= BURST_DAY
                                    && lastDay(a) < BURST_DAY + BURST_DAYS + settings.recentDays() - 1)
                            .findFirst();
                    if (hit.isPresent()) {
                        found++;
                        delays.add(lastDay(hit.get()) - BURST_DAY + 1);
                    }
                }
                cells.add(new Cell(volume, factor, found / (double) BURST_SERIES, DetectionStudies.median(delays),
                        before / (BURST_SERIES * yearsWatched(BURST_DAY, settings))));
            }
        }
        String report = report(settings);
        DetectionStudies.publish(report, "attention-study.md");
    }

    /** Series-years during which the series could be judged (after the least baseline). */
    static double yearsWatched(int days, AttentionSettings settings) {
        return (days - settings.minBaselineDays() - settings.recentDays()) / 365.0;
    }

    /**
     * Feeds the coverage in arrival order: before each mention of the series, the other mentions
     * that arrived by then; every hour, the flush.
     */
    static List<Alert> run(SyntheticCoverage coverage, long seed, AttentionSettings settings) {
        AttentionRun run = new AttentionRun(settings, AnalyzeSettings.defaults("unused:9092").windowGrace());
        SyntheticCoverage.Drawn drawn = coverage.draw(seed);
        double[] fed = new double[coverage.days()];
        int next = 0;
        long end = (coverage.days() + 3) * 1440L;
        for (long hour = 60; hour <= end; hour += 60) {
            while (next < drawn.seriesMentions().size() && drawn.seriesMentions().get(next)[0] < hour) {
                long[] mention = drawn.seriesMentions().get(next++);
                feedOthers(run, drawn, fed, mention[0]);
                run.mention(DAY_0 + mention[1], 1);
            }
            feedOthers(run, drawn, fed, hour);
            run.flush();
        }
        return run.alerts();
    }

    private static void feedOthers(AttentionRun run, SyntheticCoverage.Drawn drawn, double[] fed, long minute) {
        int today = (int) (minute / 1440);
        for (int day = Math.max(0, today - 3); day <= Math.min(today, fed.length - 1); day++) {
            double arrived = drawn.othersArrivedBy(day, minute);
            if (arrived > fed[day]) {
                run.others(DAY_0 + day, arrived - fed[day]);
                fed[day] = arrived;
            }
        }
    }

    /** The series day (0 = the first) of the last day of the alert's recent window. */
    static long lastDay(Alert alert) {
        return ShiftMonitor.epochDay(alert.windowEnd()) - 1 - DAY_0;
    }

    static String report(AttentionSettings s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Attention detection study (seed %d; %d mentions a weekday in all; "
                        + "bursts of %d days on day %d of %d-day series; defaults: baseline %d d, recent %d d, "
                        + "min recent %.0f, min baseline days %d, z >= %.1f, ratio >= %.1f, rise >= %.3f, "
                        + "cool-down %d d, dispersion floor %.2f)%n%n", SEED, (int) SyntheticCoverage.TOTAL_PER_WEEKDAY,
                BURST_DAYS, BURST_DAY, BURST_SERIES_DAYS, s.baselineDays(), s.recentDays(), s.minRecent(),
                s.minBaselineDays(), s.threshold(), s.minRatio(), s.minRise(), s.cooldownDays(), s.dispersionFloor()));
        out.append("| series mentions/weekday | share | burst | detected | median delay (days) "
                + "| false alarms / series-year before the burst |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Cell cell : cells) {
            out.append(String.format(Locale.ROOT, "| %.0f | %.2f%% | ×%.0f | %.0f%% | %s | %.2f |%n", cell.volume(),
                    100 * cell.volume() / SyntheticCoverage.TOTAL_PER_WEEKDAY, cell.factor(),
                    100 * cell.detectionRate(), Double.isNaN(cell.medianDelayDays()) ? "-"
                            : String.format(Locale.ROOT, "%.1f", cell.medianDelayDays()), cell.falseAlarmsPerYear()));
        }
        out.append("\n| series mentions/weekday | false alarms / series-year without a burst |\n|---|---|\n");
        for (Cell cell : nulls) {
            out.append(String.format(Locale.ROOT, "| %.0f | %.2f |%n", cell.volume(), cell.falseAlarmsPerYear()));
        }
        return out.toString();
    }

    static Cell cell(double volume, double factor) {
        return cells.stream().filter(c -> c.volume() == volume && c.factor() == factor).findFirst().orElseThrow();
    }

    @Test
    void seriesWithoutABurstRarelyRaiseAFalseAlarm() {
        // about one in four years from eight mentions a day, one in two years for the thinnest
        assertThat(nulls).allSatisfy(cell -> assertThat(cell.falseAlarmsPerYear()).isLessThanOrEqualTo(0.5));
        assertThat(nulls).filteredOn(cell -> cell.volume() >= 8)
                .allSatisfy(cell -> assertThat(cell.falseAlarmsPerYear()).isLessThanOrEqualTo(0.25));
        // before their burst, the burst series are series without one (fewer days: a looser bound)
        assertThat(cells).allSatisfy(cell -> assertThat(cell.falseAlarmsPerYear()).isLessThanOrEqualTo(0.7));
    }

    @Test
    void aFivefoldShareIsFoundInNearlyEverySeriesOfEightMentionsADayOrMoreWithinTwoDays() {
        for (double volume : new double[] {8, 20, 50}) {
            assertThat(cell(volume, 5).detectionRate()).isGreaterThanOrEqualTo(0.9);
            assertThat(cell(volume, 5).medianDelayDays()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aTripledShareIsFoundInMostBusySeries() {
        assertThat(cell(50, 3).detectionRate()).isGreaterThanOrEqualTo(0.7);
        assertThat(cell(20, 3).detectionRate()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void largerBurstsAndBusierSeriesAreFoundMoreOften() {
        for (double volume : VOLUMES) {
            assertThat(cell(volume, 5).detectionRate()).isGreaterThan(cell(volume, 2).detectionRate());
        }
        assertThat(cell(50, 3).detectionRate()).isGreaterThan(cell(3, 3).detectionRate());
    }
}
