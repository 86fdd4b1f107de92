package org.stancewatch.analyze.stance.training;

import org.stancewatch.model.Polarity;

/**
 * One labelled target of a NewsMTSC sentence.
 *
 * @param gid      the target's {@code Input.gid}
 * @param from     first character of the mention in the sentence
 * @param to       character just after the mention
 * @param mention  the mention as written
 * @param polarity the label, or null in an unlabelled file
 */
public record NewsMtscTarget(String gid, int from, int to, String mention, Polarity polarity) {

    /** The dataset's coding of a polarity: 2.0 negative, 4.0 neutral, 6.0 positive. */
    public static double code(Polarity polarity) {
        return switch (polarity) {
            case NEGATIVE -> 2.0;
            case NEUTRAL -> 4.0;
            case POSITIVE -> 6.0;
        };
    }

    /** The polarity for a dataset code (2.0, 4.0 or 6.0; 1.0-3.0 and 5.0-7.0 are folded in too). */
    public static Polarity fromCode(double code) {
        if (code < 3.5) {
            return Polarity.NEGATIVE;
        }
        return code > 4.5 ? Polarity.POSITIVE : Polarity.NEUTRAL;
    }
}
