package org.stancewatch.analyze.stance;

/**
 * Whose stance a mention expresses.
 *
 * @param holder the actor whose view it is; empty for the outlet's own voice
 * @param quoted the sentence reports someone's words (a quotation or reported speech)
 */
public record Attribution(String holder, boolean quoted) {

    /** The outlet speaking for itself. */
    public static final Attribution OUTLET = new Attribution("", false);
}
