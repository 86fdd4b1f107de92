package org.stancewatch.model;

import static org.stancewatch.model.Require.nonBlank;
import static org.stancewatch.model.Require.nonNull;

import java.time.Instant;

/**
 * The mentions of one series in one event-time window, summed so that means, variances and
 * confidence intervals can be computed anywhere (and buckets merged by adding them).
 *
 * <p>A series is an actor, optionally narrowed to a topic, an outlet or a holder; a field that
 * is not narrowed holds {@link #ALL}.
 *
 * @param id          {@link #idFor}: one document per series, granularity and window
 * @param actor       target actor
 * @param topic       topic id or {@link #ALL}
 * @param outlet      outlet or {@link #ALL}
 * @param holder      holder actor (whose stance), or {@link #ALL}
 * @param granularity window size, e.g. {@code hour} or {@code day}
 * @param windowStart inclusive start of the window (UTC)
 * @param windowEnd   exclusive end of the window (UTC)
 * @param count       mentions in the window
 * @param weight      sum of the mentions' weights: equal to {@code count} unless syndicated copies
 *                    are down-weighted (each copy then weighs less than 1); means and variances
 *                    divide by it. Absent (null) in buckets written before it existed: read as
 *                    {@code count}. Boxed only for that; never null after construction
 * @param sum         sum of their weighted scores
 * @param sumOfSquares sum of their weighted squared scores
 * @param positive    mentions with positive polarity
 * @param neutral     mentions with neutral polarity
 * @param negative    mentions with negative polarity
 * @param mean        sum / weight (0 when empty)
 */
public record StanceBucket(
        String id,
        String actor,
        String topic,
        String outlet,
        String holder,
        String granularity,
        Instant windowStart,
        Instant windowEnd,
        long count,
        Double weight,
        double sum,
        double sumOfSquares,
        long positive,
        long neutral,
        long negative,
        double mean) {

    /** The value of a series field that is not narrowed. */
    public static final String ALL = "_all";

    public StanceBucket {
        nonBlank(id, "id");
        nonBlank(actor, "actor");
        nonBlank(topic, "topic");
        nonBlank(outlet, "outlet");
        nonBlank(holder, "holder");
        nonBlank(granularity, "granularity");
        nonNull(windowStart, "windowStart");
        nonNull(windowEnd, "windowEnd");
        if (!windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("windowEnd must be after windowStart");
        }
        if (count < 0 || positive < 0 || neutral < 0 || negative < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (weight == null) {
            weight = (double) count; // written before weights existed: every mention weighed 1
        }
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative, was " + weight);
        }
    }

    /** A bucket of mentions that each weigh 1, with its id and mean computed from the other fields. */
    public static StanceBucket of(
            String actor, String topic, String outlet, String holder, String granularity,
            Instant windowStart, Instant windowEnd,
            long count, double sum, double sumOfSquares, long positive, long neutral, long negative) {
        return of(actor, topic, outlet, holder, granularity, windowStart, windowEnd,
                count, count, sum, sumOfSquares, positive, neutral, negative);
    }

    /** A bucket with its id and mean computed from the other fields; {@code sum} is weighted. */
    public static StanceBucket of(
            String actor, String topic, String outlet, String holder, String granularity,
            Instant windowStart, Instant windowEnd,
            long count, double weight, double sum, double sumOfSquares, long positive, long neutral, long negative) {
        return new StanceBucket(
                idFor(actor, topic, outlet, holder, granularity, windowStart),
                actor, topic, outlet, holder, granularity, windowStart, windowEnd,
                count, weight, sum, sumOfSquares, positive, neutral, negative,
                count == 0 || weight <= 0 ? 0 : sum / weight);
    }

    public static String idFor(
            String actor, String topic, String outlet, String holder, String granularity, Instant windowStart) {
        return Ids.of(actor, topic, outlet, holder, granularity, windowStart);
    }

    /**
     * Sample variance of the scores, the weights counted as frequencies (0 with a total weight of
     * one or less). With every weight 1 this is the usual sample variance.
     */
    public double variance() {
        if (count < 2 || weight <= 1) {
            return 0;
        }
        double variance = (sumOfSquares - sum * sum / weight) / (weight - 1);
        return Math.max(0, variance); // rounding can push an all-equal series slightly below 0
    }
}
