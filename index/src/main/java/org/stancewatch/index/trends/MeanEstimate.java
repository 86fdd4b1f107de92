package org.stancewatch.index.trends;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a set of scores with a Student-t confidence interval, from their count, sum and
 * sum of squares (what Elasticsearch's {@code extended_stats} returns: no scripts or pipeline
 * aggregations needed).
 *
 * @param count mentions
 * @param mean  mean score, or NaN when there are none
 * @param low   lower bound of the interval, or NaN with fewer than two mentions
 * @param high  upper bound, or NaN with fewer than two mentions
 */
public record MeanEstimate(long count, double mean, double low, double high) {
    /** The confidence level of the intervals stancewatch reports. */
    public static final double LEVEL = 0.95;

    public static MeanEstimate of(long count, double sum, double sumOfSquares) {
        return of(count, sum, sumOfSquares, LEVEL);
    }

    public static MeanEstimate of(long count, double sum, double sumOfSquares, double level) {
        if (count == 0) {
            return new MeanEstimate(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / count;
        if (count < 2) {
            return new MeanEstimate(count, mean, Double.NaN, Double.NaN);
        }
        double variance = Math.max(0, (sumOfSquares - sum * sum / count) / (count - 1));
        double t = new TDistribution(count - 1).inverseCumulativeProbability(0.5 + level / 2);
        double half = t * Math.sqrt(variance / count);
        // scores live in [-1, 1]; so does any sensible bound
        return new MeanEstimate(count, mean, Math.max(-1, mean - half), Math.min(1, mean + half));
    }

    public boolean hasInterval() {
        return !Double.isNaN(low);
    }
}
