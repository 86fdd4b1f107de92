package org.stancewatch.analyze.stream.attention;

/**
 * The attention detector's view of one series at one moment: its share of all mentions in the
 * recent window against its baseline.
 *
 * @param recentFromDay    first day of the recent window (epoch day)
 * @param latestDay        last day of the recent window
 * @param baselineFromDay  first day pooled in the baseline (it ends the day before the recent window)
 * @param recentMentions   the series' mentions in the recent window
 * @param recentWeight     their summed weight
 * @param recentTotal      all mentions (summed weight) in the recent window
 * @param baselineMentions the series' mentions in the baseline
 * @param baselineWeight   their summed weight
 * @param baselineTotal    all mentions (summed weight) in the baseline
 * @param coveredDays      days of the baseline reach, since the series' first mention, with any mention at all
 * @param dispersion       τ²: the between-day variance of the log share used
 * @param z                the significance figure (see {@link AttentionDetector}), 0 without enough evidence
 * @param enoughEvidence   the recent window (every day of it counted) and the baseline hold the minimum evidence
 */
public record AttentionAssessment(long recentFromDay, long latestDay, long baselineFromDay, long recentMentions,
                                  double recentWeight, double recentTotal, long baselineMentions,
                                  double baselineWeight, double baselineTotal, int coveredDays, double dispersion,
                                  double z, boolean enoughEvidence) {

    public double recentShare() {
        return recentTotal > 0 ? recentWeight / recentTotal : 0;
    }

    public double baselineShare() {
        return baselineTotal > 0 ? baselineWeight / baselineTotal : 0;
    }

    /** recent share / baseline share; infinite for a series absent from its baseline. */
    public double ratio() {
        return baselineShare() > 0 ? recentShare() / baselineShare() : Double.POSITIVE_INFINITY;
    }

    public double rise() {
        return recentShare() - baselineShare();
    }

    /** True when the share rose significantly and by enough, at the given settings. */
    public boolean isBurst(AttentionSettings settings) {
        return enoughEvidence && z >= settings.threshold() && ratio() >= settings.minRatio()
                && rise() >= settings.minRise();
    }
}
