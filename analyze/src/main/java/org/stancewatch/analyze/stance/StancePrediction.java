package org.stancewatch.analyze.stance;

import org.stancewatch.model.Polarity;

/**
 * The stance toward one target.
 *
 * @param polarity   the most probable class
 * @param score      P(positive) - P(negative), in [-1, 1]
 * @param confidence the probability of {@code polarity}, in [0, 1]
 */
public record StancePrediction(Polarity polarity, double score, double confidence) {
}
