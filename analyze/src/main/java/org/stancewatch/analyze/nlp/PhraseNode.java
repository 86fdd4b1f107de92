package org.stancewatch.analyze.nlp;

import java.io.Serializable;

/**
 * A node of the binarized parse tree with the sentiment the RNTN predicts for the phrase it
 * covers.
 *
 * @param label     the constituent label, e.g. {@code NP}, {@code VP}, {@code @S} (binarized)
 * @param start     index of its first token
 * @param end       index just after its last token
 * @param parent    index of its parent node in {@link ParsedSentence#phrases()}, -1 for the root
 * @param sentiment the RNTN's five class probabilities, very negative to very positive
 */
public record PhraseNode(String label, int start, int end, int parent, float[] sentiment) implements Serializable {

    /** Probability mass on the two negative classes. */
    public double negative() {
        return sentiment[0] + sentiment[1];
    }

    /** Probability mass on the two positive classes. */
    public double positive() {
        return sentiment[3] + sentiment[4];
    }

    /** Positive less negative mass, in [-1, 1]. */
    public double polarity() {
        return positive() - negative();
    }

    /** True when this node covers the token span [from, to). */
    public boolean covers(int from, int to) {
        return start <= from && to <= end;
    }

    public int length() {
        return end - start;
    }
}
