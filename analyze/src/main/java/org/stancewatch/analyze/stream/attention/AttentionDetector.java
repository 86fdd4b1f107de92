package org.stancewatch.analyze.stream.attention;

/**
 * Compares a series' share of all mentions in its recent window with its baseline share and
 * says how significant the rise is. Shares, not counts: on a busy news day every series gets
 * more mentions, and none of them more of the coverage.
 *
 * <p>The figure is a z statistic on the log of the share ratio, built for news, where the share
 * of a series varies from day to day far more than independent mentions would make it:
 *
 * <pre>
 *   L   = ln((c_r + ½) / N_r) − ln((c_b + ½) / N_b)
 *   z   = L / √( κ/(c_r + ½) + κ/(c_b + ½) + τ² · (1/d_r + 1/d_b) )
 * </pre>
 *
 * where c is the series' mentions (summed weight) and N all mentions in each window, d the days
 * of each window on which the job counted any mention, and τ² the between-day variance of the
 * baseline's daily log shares beyond what their counts explain (DerSimonian–Laird's moment
 * estimate on ln((c_d + ½)/N_d), each day weighted by (c_d + ½)/κ), at least the dispersion
 * floor. The first two terms are the sampling error of the two log shares: Poisson's, times
 * κ = {@value #CLUMPING} because mentions come in clumps (an article names an actor several
 * times), which matters most for the partial day a live recent window ends with. τ² is what keeps an
 * ordinary lively day of a bursty series from looking like a burst: with a recent window of a
 * day or two, τ²/d_r dominates for any series with a few mentions a day, so the rise needed
 * grows with how much the series' share swings. The ½ keeps a series absent from its baseline
 * finite (and very uncertain).
 *
 * <p>Nothing is judged without evidence: the recent window needs {@link AttentionSettings#minRecent()}
 * mentions of the series and a count on each of its days, and the baseline reach, from the
 * series' first mention on, {@link AttentionSettings#minBaselineDays()} days with any count.
 */
public final class AttentionDetector {
    /**
     * How much more a count varies than independent mentions would make it: mentions come in
     * clumps, an article naming an actor a few times (2.5 on average in the study's model; the
     * benchmark corpus has 3.7 mentions per article, of all actors together), so the sampling variance of a
     * count is taken as this many times Poisson's.
     */
    static final double CLUMPING = 3;

    private final AttentionSettings settings;

    public AttentionDetector(AttentionSettings settings) {
        this.settings = settings;
    }

    /** The day totals the shares are divided by. */
    @FunctionalInterface
    public interface Totals {
        /** All mentions (summed weight) of the epoch day; 0 when none were counted. */
        double of(long day);
    }

    /**
     * Assesses the recent window that ends with {@code latestDay}.
     *
     * @param series the series' history (its days outside both windows are ignored)
     * @param totals the day totals
     */
    public AttentionAssessment assess(SeriesAttention series, Totals totals, long latestDay) {
        long recentFrom = latestDay - settings.recentDays() + 1;
        long reach = recentFrom - settings.baselineDays();
        long since = series.firstDay() == null ? reach : Math.max(reach, series.firstDay());
        long baselineFrom = series.rearmFromDay() == null ? since : Math.max(since, series.rearmFromDay());
        if (latestDay < since) {
            return new AttentionAssessment(recentFrom, latestDay, baselineFrom, 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
        }

        Window recent = new Window();
        Window baseline = new Window();
        int covered = 0;
        int next = 0;
        var days = series.days();
        double[] dailyWeight = new double[(int) (latestDay - since + 1)];
        long[] dailyMentions = new long[dailyWeight.length];
        for (DayCount count : days) {
            if (count.day() >= since && count.day() <= latestDay) {
                dailyWeight[(int) (count.day() - since)] = count.weight();
                dailyMentions[(int) (count.day() - since)] = count.mentions();
            }
        }
        double[] baselineWeights = new double[dailyWeight.length];
        double[] baselineTotals = new double[dailyWeight.length];
        for (long day = since; day <= latestDay; day++) {
            int i = (int) (day - since);
            double total = Math.max(totals.of(day), dailyWeight[i]);
            if (total <= 0) {
                continue;
            }
            if (day >= recentFrom) {
                recent.add(dailyMentions[i], dailyWeight[i], total);
            } else {
                covered++;
                if (day >= baselineFrom) {
                    baseline.add(dailyMentions[i], dailyWeight[i], total);
                    baselineWeights[next] = dailyWeight[i];
                    baselineTotals[next++] = total;
                }
            }
        }
        // every recent day counted: while the job catches up, a day whose mentions have not
        // arrived yet would leave the window judged on its other days alone
        boolean enough = recent.weight >= settings.minRecent() && recent.days == settings.recentDays()
                && covered >= settings.minBaselineDays() && baseline.days > 0;
        double dispersion = 0;
        double z = 0;
        if (enough) {
            dispersion = Math.max(settings.dispersionFloor(), betweenDayVariance(baselineWeights, baselineTotals, next));
            double logRatio = Math.log((recent.weight + 0.5) / recent.total)
                    - Math.log((baseline.weight + 0.5) / baseline.total);
            double variance = CLUMPING / (recent.weight + 0.5) + CLUMPING / (baseline.weight + 0.5)
                    + dispersion * (1.0 / recent.days + 1.0 / baseline.days);
            z = logRatio / Math.sqrt(variance);
        }
        return new AttentionAssessment(recentFrom, latestDay, baselineFrom, recent.mentions, recent.weight,
                recent.total, baseline.mentions, baseline.weight, baseline.total, covered, dispersion, z, enough);
    }

    /**
     * The variance of the true daily log shares around their mean beyond the sampling variance
     * 1/(c + ½) of each day's estimate (0 with fewer than two days or no excess).
     */
    static double betweenDayVariance(double[] weights, double[] totals, int days) {
        if (days < 2) {
            return 0;
        }
        double sumW = 0;
        double sumWy = 0;
        double sumW2 = 0;
        for (int i = 0; i < days; i++) {
            double w = (weights[i] + 0.5) / CLUMPING;
            sumW += w;
            sumWy += w * Math.log((weights[i] + 0.5) / totals[i]);
            sumW2 += w * w;
        }
        double mean = sumWy / sumW;
        double q = 0;
        for (int i = 0; i < days; i++) {
            double w = (weights[i] + 0.5) / CLUMPING;
            double deviation = Math.log((weights[i] + 0.5) / totals[i]) - mean;
            q += w * deviation * deviation;
        }
        double c = sumW - sumW2 / sumW;
        return c <= 0 ? 0 : Math.max(0, (q - (days - 1)) / c);
    }

    /** Running sums of one window. */
    private static final class Window {
        long mentions;
        double weight;
        double total;
        int days;

        void add(long dayMentions, double dayWeight, double dayTotal) {
            mentions += dayMentions;
            weight += dayWeight;
            total += dayTotal;
            days++;
        }
    }
}
