package org.stancewatch.analyze.stream.shift;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a series' recent window with its baseline and says how significant the difference is.
 *
 * <p>The figure is a z statistic built for news, where mentions are not independent draws:
 *
 * <pre>
 *   z = n_r / (n_r + k) · (mean_r − mean_b) / SE
 *   SE² = s²_w · (1/n_r + 1/n_b) + τ² · (1/d_r + 1/d_b)
 * </pre>
 *
 * where n is the evidence (summed mention weight) and d the days with mentions in each window,
 * s²_w the pooled within-day variance of scores (at least the floor), and τ² the between-day
 * variance of the baseline's daily means beyond what s²_w explains (DerSimonian–Laird's moment
 * estimate). τ² is what keeps a busy series from alarming on an ordinary bad news day: mentions
 * of one day, often of one article, move together, so a day is the unit of independent news,
 * not a mention. The factor n_r / (n_r + k) shrinks a thin recent window toward the baseline
 * (k = {@link ShiftSettings#shrinkage()} pseudo-mentions), so a handful of mentions needs a
 * larger change to count. Volume thus enters twice: through the standard error and through the
 * shrinkage.
 */
public final class ShiftDetector {
    private final ShiftSettings settings;

    public ShiftDetector(ShiftSettings settings) {
        this.settings = settings;
    }

    public ShiftSettings settings() {
        return settings;
    }

    /**
     * Assesses the recent window that ends with {@code latestDay}.
     *
     * @param days          the series' days, any order; those outside both windows are ignored
     * @param latestDay     the last day of the recent window
     * @param rearmFromDay  the baseline starts no earlier than this day (after an alert, the new
     *                      tone is the baseline), or null
     */
    public Assessment assess(List<DayTotals> days, long latestDay, Long rearmFromDay) {
        long recentFrom = latestDay - settings.recentDays() + 1;
        long baselineFrom = recentFrom - settings.baselineDays();
        if (rearmFromDay != null) {
            baselineFrom = Math.max(baselineFrom, rearmFromDay);
        }
        List<DayTotals> recentDays = new ArrayList<>();
        List<DayTotals> baselineDays = new ArrayList<>();
        for (DayTotals day : days) {
            if (day.isEmpty()) {
                continue;
            }
            if (day.day() >= recentFrom && day.day() <= latestDay) {
                recentDays.add(day);
            } else if (day.day() >= baselineFrom && day.day() < recentFrom) {
                baselineDays.add(day);
            }
        }
        WindowStats recent = WindowStats.of(recentDays);
        WindowStats baseline = WindowStats.of(baselineDays);
        boolean enough = recent.weight() >= settings.minRecent() && baseline.weight() >= settings.minBaseline();
        double change = recent.mean() - baseline.mean();
        double z = 0;
        if (enough) {
            double within = withinVariance(recentDays, baselineDays);
            double between = betweenDayVariance(baselineDays, within);
            double se2 = within * (1 / recent.weight() + 1 / baseline.weight())
                    + between * (1.0 / recent.days() + 1.0 / baseline.days());
            double shrink = recent.weight() / (recent.weight() + settings.shrinkage());
            z = shrink * change / Math.sqrt(se2);
        }
        return new Assessment(recentFrom, latestDay, baselineFrom, recent, baseline, change, z, enough);
    }

    /** Pooled variance of scores around their own day's mean, at least the floor. */
    private double withinVariance(List<DayTotals> recent, List<DayTotals> baseline) {
        double squares = 0;
        double freedom = 0;
        for (List<DayTotals> window : List.of(recent, baseline)) {
            for (DayTotals day : window) {
                squares += day.withinSquares();
                freedom += day.weight() - 1;
            }
        }
        double variance = freedom >= 1 ? squares / freedom : 0;
        return Math.max(variance, settings.varianceFloor());
    }

    /**
     * The variance of true daily means around the baseline mean: the spread of the daily means
     * beyond what the within-day variance predicts for days of their size (0 when there is none
     * or too few days to tell).
     */
    private static double betweenDayVariance(List<DayTotals> baseline, double within) {
        if (baseline.size() < 2) {
            return 0;
        }
        double sumW = 0;
        double sumWm = 0;
        double sumW2 = 0;
        for (DayTotals day : baseline) {
            double w = day.weight() / within;
            sumW += w;
            sumWm += w * day.mean();
            sumW2 += w * w;
        }
        double pooledMean = sumWm / sumW;
        double q = 0;
        for (DayTotals day : baseline) {
            double deviation = day.mean() - pooledMean;
            q += day.weight() / within * deviation * deviation;
        }
        double c = sumW - sumW2 / sumW;
        if (c <= 0) {
            return 0;
        }
        return Math.max(0, (q - (baseline.size() - 1)) / c);
    }
}
