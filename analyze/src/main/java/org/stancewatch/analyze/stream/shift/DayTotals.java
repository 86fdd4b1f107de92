package org.stancewatch.analyze.stream.shift;

/**
 * The sums of one series on one UTC day, as the shift detector keeps them.
 *
 * @param day          epoch day (days since 1970-01-01, UTC)
 * @param count        mentions
 * @param weight       summed mention weights
 * @param sum          weighted sum of scores
 * @param sumOfSquares weighted sum of squared scores
 */
public record DayTotals(long day, long count, double weight, double sum, double sumOfSquares) {

    public static DayTotals empty(long day) {
        return new DayTotals(day, 0, 0, 0, 0);
    }

    /** These totals with one contribution added (sign +1) or taken out (sign -1). */
    public DayTotals plus(int sign, double weight, double score) {
        return new DayTotals(day, count + sign, this.weight + sign * weight, sum + sign * weight * score,
                sumOfSquares + sign * weight * score * score);
    }

    public boolean isEmpty() {
        return count <= 0 || weight <= 1e-9;
    }

    public double mean() {
        return weight > 0 ? sum / weight : 0;
    }

    /** Sum of squared deviations from this day's own mean. */
    public double withinSquares() {
        return weight > 0 ? Math.max(0, sumOfSquares - sum * sum / weight) : 0;
    }
}
