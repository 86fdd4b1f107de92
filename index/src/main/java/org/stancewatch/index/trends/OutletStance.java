package org.stancewatch.index.trends;

/**
 * One outlet's mean stance toward an actor.
 *
 * @param outlet the outlet
 * @param count  its mentions of the actor
 * @param mean   mean score
 * @param low    lower bound of the 95% confidence interval (null with fewer than two mentions)
 * @param high   upper bound (null with fewer than two mentions)
 */
public record OutletStance(String outlet, long count, double mean, Double low, Double high) {}
