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

    /**
     * What a sentence says about its speaker, by rule rather than by a model: nothing. "X
     * condemned Y" is negative toward Y with X the holder, and neutral toward X.
     */
    public static final StancePrediction SPEAKER = new StancePrediction(Polarity.NEUTRAL, 0.0, 1.0);
}
