package org.stancewatch.index.trends;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One bucket of a stance trend.
 *
 * @param start    bucket start (UTC)
 * @param end      bucket end, exclusive
 * @param count    mentions in the bucket
 * @param mean     mean stance score, null when the bucket is empty
 * @param low      lower bound of the 95% confidence interval, null with fewer than two mentions
 * @param high     upper bound, null with fewer than two mentions
 * @param negative mentions with negative polarity
 * @param neutral  mentions with neutral polarity
 * @param positive mentions with positive polarity
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrendPoint(Instant start, Instant end, long count, Double mean, Double low, Double high, long negative,
        long neutral, long positive) {

    static TrendPoint of(Instant start, Instant end, MeanEstimate estimate, long negative, long neutral, long positive) {
        return new TrendPoint(start, end, estimate.count(), orNull(estimate.mean()), orNull(estimate.low()),
                orNull(estimate.high()), negative, neutral, positive);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
