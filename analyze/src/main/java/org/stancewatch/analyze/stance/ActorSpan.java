package org.stancewatch.analyze.stance;

/**
 * An actor mention placed in a parsed sentence, for holder attribution.
 *
 * @param from     first token
 * @param to       token after the last
 * @param actor    the actor named
 * @param speaksAs the actor it speaks for when it holds a stance (a person's office at the
 *                 article's date, else the actor itself)
 */
record ActorSpan(int from, int to, String actor, String speaksAs) {

    boolean contains(int token) {
        return from <= token && token < to;
    }
}
