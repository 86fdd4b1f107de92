package org.stancewatch.analyze.stream.shift;

import java.util.List;

/**
 * The days of one window (recent or baseline) summed.
 *
 * @param count  mentions
 * @param weight summed weights: the evidence the detector compares with its minimums
 * @param sum    weighted sum of scores
 * @param days   days that have at least one mention
 */
public record WindowStats(long count, double weight, double sum, int days) {

    public static WindowStats of(List<DayTotals> days) {
        long count = 0;
        double weight = 0;
        double sum = 0;
        for (DayTotals day : days) {
            count += day.count();
            weight += day.weight();
            sum += day.sum();
        }
        return new WindowStats(count, weight, sum, days.size());
    }

    public double mean() {
        return weight > 0 ? sum / weight : 0;
    }
}
