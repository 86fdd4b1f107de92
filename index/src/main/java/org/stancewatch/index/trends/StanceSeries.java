package org.stancewatch.index.trends;

import java.util.List;

/**
 * A stance trend: the query and its buckets in time order (empty buckets included between the
 * first and the last, or over the whole requested range).
 *
 * @param query      what was asked
 * @param confidence the confidence level of the intervals, e.g. 0.95
 * @param points     the buckets
 * @param total      all the mentions, as one estimate
 */
public record StanceSeries(SeriesQuery query, double confidence, List<TrendPoint> points, TrendPoint total) {
    public StanceSeries {
        points = List.copyOf(points);
    }

    public long count() {
        return total.count();
    }
}
