package org.stancewatch.analyze.nlp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A sentence with its tokens, sentiment-annotated parse tree and dependencies: everything the
 * stance features read, detached from CoreNLP's annotation maps so that it can be cached and
 * tested on its own.
 *
 * @param tokens       the tokens
 * @param phrases      the parse tree's inner nodes in pre-order (the root first); empty when
 *                     the sentence was not parsed
 * @param dependencies the basic dependencies; empty when the dependency parser did not run on it
 */
public record ParsedSentence(List<ParsedToken> tokens, List<PhraseNode> phrases, List<Dependency> dependencies)
        implements Serializable {

    public ParsedSentence {
        tokens = List.copyOf(tokens);
        phrases = List.copyOf(phrases);
        dependencies = List.copyOf(dependencies);
    }

    public int size() {
        return tokens.size();
    }

    /** True when the sentence has its constituency tree with RNTN sentiment (the v1 model's input). */
    public boolean isParsed() {
        return !phrases.isEmpty();
    }

    /** True when the sentence has its dependencies (what holder attribution reads). */
    public boolean hasDependencies() {
        return !dependencies.isEmpty();
    }

    /** The root node: the whole sentence's sentiment. */
    public PhraseNode root() {
        return phrases.getFirst();
    }

    /** The smallest node that covers the token span [from, to), or the root. */
    public int smallestCovering(int from, int to) {
        int best = 0;
        for (int i = 0; i < phrases.size(); i++) {
            PhraseNode node = phrases.get(i);
            if (node.covers(from, to) && node.length() <= phrases.get(best).length()) {
                best = i;
            }
        }
        return best;
    }

    /** The node indexes from {@code node} up to the root. */
    public List<Integer> ancestors(int node) {
        List<Integer> chain = new ArrayList<>();
        for (int i = node; i >= 0; i = phrases.get(i).parent()) {
            chain.add(i);
        }
        return chain;
    }

    /** The preterminal node of token {@code index} (its part-of-speech node), or -1. */
    public int preterminal(int index) {
        for (int i = phrases.size() - 1; i >= 0; i--) {
            PhraseNode node = phrases.get(i);
            if (node.start() == index && node.end() == index + 1) {
                return i;
            }
        }
        return -1;
    }

    /** The text of tokens [from, to), joined by single spaces. */
    public String text(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                text.append(' ');
            }
            text.append(tokens.get(i).word());
        }
        return text.toString();
    }
}
