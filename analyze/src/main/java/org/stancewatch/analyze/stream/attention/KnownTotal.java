package org.stancewatch.analyze.stream.attention;

/**
 * A day's total as one partition of the attention detector knows it.
 *
 * @param latest    the newest value received, with a mention or announced: what shares divide by
 * @param announced the last announced value: what the partition's series were last re-assessed at
 */
public record KnownTotal(double latest, double announced) {
}
