package org.stancewatch.analyze.stream.attention;

/**
 * One attention series' mentions on one UTC day.
 *
 * @param day      epoch day
 * @param mentions mentions counted (copies included, as the alert's counts report them)
 * @param weight   summed mention weights: what the share is made of
 */
public record DayCount(long day, long mentions, double weight) {

    DayCount plus(int sign, double mentionWeight) {
        return new DayCount(day, mentions + sign, weight + sign * mentionWeight);
    }

    boolean isEmpty() {
        return mentions <= 0 || weight <= 1e-9;
    }
}
