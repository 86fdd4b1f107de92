package org.stancewatch.analyze.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds phrases in a token sequence, by whole tokens. A phrase word with a capital letter matches
 * only as written; an all-lowercase word matches in any case; a word ending in {@code *} matches
 * any token that starts with the rest. Where matches overlap, the longest wins, then the first.
 *
 * @param <T> what a phrase stands for
 */
public final class PhraseMatcher<T> {

    /** A phrase found at tokens [from, to) standing for {@code values}. */
    public record Match<T>(int from, int to, List<T> values) {
    }

    private static final class Node<T> {
        final Map<String, Node<T>> exact = new HashMap<>();
        final Map<String, Node<T>> anyCase = new HashMap<>();
        final Map<String, Node<T>> prefixes = new HashMap<>();
        final List<T> values = new ArrayList<>();
    }

    private final Node<T> root = new Node<>();

    /** Adds a phrase, already split into tokens the way the pipeline splits text. */
    public void add(List<String> words, T value) {
        if (words.isEmpty()) {
            return;
        }
        Node<T> node = root;
        for (String word : words) {
            if (word.length() > 1 && word.endsWith("*")) {
                node = node.prefixes.computeIfAbsent(word.substring(0, word.length() - 1).toLowerCase(Locale.ROOT),
                        key -> new Node<>());
            } else if (word.equals(word.toLowerCase(Locale.ROOT))) {
                node = node.anyCase.computeIfAbsent(word, key -> new Node<>());
            } else {
                node = node.exact.computeIfAbsent(word, key -> new Node<>());
            }
        }
        if (!node.values.contains(value)) {
            node.values.add(value);
        }
    }

    /** All non-overlapping matches in {@code tokens}, left to right, longest first where they overlap. */
    public List<Match<T>> find(List<String> tokens) {
        List<Match<T>> candidates = new ArrayList<>();
        for (int start = 0; start < tokens.size(); start++) {
            Match<T> longest = longestAt(tokens, start);
            if (longest != null) {
                candidates.add(longest);
            }
        }
        candidates.sort((a, b) -> a.to() - a.from() != b.to() - b.from()
                ? (b.to() - b.from()) - (a.to() - a.from()) : a.from() - b.from());
        boolean[] taken = new boolean[tokens.size()];
        List<Match<T>> chosen = new ArrayList<>();
        for (Match<T> match : candidates) {
            boolean free = true;
            for (int i = match.from(); i < match.to() && free; i++) {
                free = !taken[i];
            }
            if (free) {
                for (int i = match.from(); i < match.to(); i++) {
                    taken[i] = true;
                }
                chosen.add(match);
            }
        }
        chosen.sort((a, b) -> a.from() - b.from());
        return chosen;
    }

    private Match<T> longestAt(List<String> tokens, int start) {
        Match<T> longest = null;
        List<Node<T>> frontier = List.of(root);
        for (int i = start; i < tokens.size() && !frontier.isEmpty(); i++) {
            String token = tokens.get(i);
            String lower = token.toLowerCase(Locale.ROOT);
            List<Node<T>> next = new ArrayList<>();
            for (Node<T> node : frontier) {
                addIfPresent(next, node.exact.get(token));
                addIfPresent(next, node.anyCase.get(lower));
                for (Map.Entry<String, Node<T>> prefix : node.prefixes.entrySet()) {
                    if (lower.startsWith(prefix.getKey())) {
                        next.add(prefix.getValue());
                    }
                }
            }
            for (Node<T> node : next) {
                if (!node.values.isEmpty()) {
                    longest = new Match<>(start, i + 1, List.copyOf(node.values));
                }
            }
            frontier = next;
        }
        return longest;
    }

    private static <T> void addIfPresent(List<Node<T>> nodes, Node<T> node) {
        if (node != null) {
            nodes.add(node);
        }
    }
}
