package org.stancewatch.analyze.lexicon;

/**
 * An actor named in a sentence.
 *
 * @param actor   the actor id
 * @param from    first token of the words that name it
 * @param to      token just after them
 * @param surface the words as written
 * @param form    how it was named
 */
public record ActorMatch(String actor, int from, int to, String surface, Form form) {

    /** How an actor was named. */
    public enum Form {
        /** a name, demonym or metonym from actors.yml */
        FULL,
        /** a short form after a full mention earlier in the article ("the alliance", a surname) */
        SHORT
    }
}
