package org.stancewatch.analyze.nlp;

import java.io.Serializable;

/**
 * A basic Universal Dependencies edge between two tokens of a sentence.
 *
 * @param governor  token index of the head, -1 for the root
 * @param dependent token index of the dependent
 * @param relation  relation name, e.g. {@code nsubj}, {@code obj}, {@code nmod:poss}
 */
public record Dependency(int governor, int dependent, String relation) implements Serializable {
}
