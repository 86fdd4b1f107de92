package org.stancewatch.analyze.stance.training;

import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.model.Polarity;

/**
 * The baseline a user gets from CoreNLP alone: the RNTN's sentence sentiment (trained on movie
 * reviews) given to every target of the sentence. Very negative and negative are negative,
 * neutral is neutral, positive and very positive are positive.
 */
public final class RntnBaseline {

    private RntnBaseline() {
    }

    public static Polarity predict(ParsedSentence sentence) {
        if (!sentence.isParsed()) {
            return Polarity.NEUTRAL;
        }
        float[] probabilities = sentence.root().sentiment();
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best < 2 ? Polarity.NEGATIVE : best == 2 ? Polarity.NEUTRAL : Polarity.POSITIVE;
    }
}
