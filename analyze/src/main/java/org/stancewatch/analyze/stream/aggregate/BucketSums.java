package org.stancewatch.analyze.stream.aggregate;

import java.time.Instant;
import org.stancewatch.model.Polarity;
import org.stancewatch.model.StanceBucket;

/**
 * The running sums of one series in one window: what a {@link StanceBucket} is made of. Adding
 * and subtracting contributions in any order gives the same sums, so a revision can take out
 * exactly what its earlier version put in.
 */
public record BucketSums(long count, double weight, double sum, double sumOfSquares,
                         long positive, long neutral, long negative) {

    public static final BucketSums EMPTY = new BucketSums(0, 0, 0, 0, 0, 0, 0);

    /** These sums with the contribution added or subtracted. */
    public BucketSums plus(Contribution contribution) {
        int sign = contribution.sign();
        double weight = contribution.weight();
        double score = contribution.mention().score();
        Polarity polarity = contribution.mention().polarity();
        long newCount = count + sign;
        if (newCount <= 0) {
            return EMPTY; // and no rounding residue of the sums
        }
        return new BucketSums(newCount,
                this.weight + sign * weight,
                sum + sign * weight * score,
                sumOfSquares + sign * weight * score * score,
                Math.max(0, positive + (polarity == Polarity.POSITIVE ? sign : 0)),
                Math.max(0, neutral + (polarity == Polarity.NEUTRAL ? sign : 0)),
                Math.max(0, negative + (polarity == Polarity.NEGATIVE ? sign : 0)));
    }

    /** The bucket of a series and window with these sums. */
    public StanceBucket toBucket(SeriesKey series, String granularity, Instant windowStart, Instant windowEnd) {
        return StanceBucket.of(series.actor(), series.topic(), series.outlet(), series.holder(), granularity,
                windowStart, windowEnd, count, Math.max(0, weight), sum, Math.max(0, sumOfSquares),
                positive, neutral, negative);
    }
}
