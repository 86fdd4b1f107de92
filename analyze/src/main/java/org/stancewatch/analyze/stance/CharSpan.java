package org.stancewatch.analyze.stance;

/** Characters [from, to) of a sentence: where a target is named. */
public record CharSpan(int from, int to) {

    public CharSpan {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("a target span needs 0 <= from < to, was " + from + ".." + to);
        }
    }
}
