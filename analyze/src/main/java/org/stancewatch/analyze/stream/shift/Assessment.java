package org.stancewatch.analyze.stream.shift;

import org.stancewatch.model.Direction;

/**
 * The detector's view of one series at one moment: the recent window against its baseline.
 *
 * @param recentFromDay   first day of the recent window (epoch day)
 * @param latestDay       last day of the recent window: the series' latest day
 * @param baselineFromDay first day of the baseline (it ends the day before the recent window)
 * @param recent          the recent window's totals
 * @param baseline        the baseline's totals
 * @param change          recent mean - baseline mean
 * @param z               the significance figure (see {@link ShiftDetector})
 * @param enoughEvidence  both windows hold the minimum evidence
 */
public record Assessment(long recentFromDay, long latestDay, long baselineFromDay, WindowStats recent,
                         WindowStats baseline, double change, double z, boolean enoughEvidence) {

    public Direction direction() {
        return change < 0 ? Direction.NEGATIVE : Direction.POSITIVE;
    }

    /** True when the change is significant and large enough at the given settings. */
    public boolean isShift(ShiftSettings settings) {
        return enoughEvidence && Math.abs(z) >= settings.threshold() && Math.abs(change) >= settings.minChange();
    }
}
