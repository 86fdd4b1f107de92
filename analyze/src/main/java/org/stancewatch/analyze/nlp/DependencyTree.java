package org.stancewatch.analyze.nlp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** The basic dependencies of a sentence as a tree: heads, relations, children and paths. */
public final class DependencyTree {

    private final int[] head;
    private final String[] relation;
    private final List<List<Integer>> children;

    public DependencyTree(ParsedSentence sentence) {
        int n = sentence.size();
        head = new int[n];
        relation = new String[n];
        Arrays.fill(head, -2);
        Arrays.fill(relation, "");
        children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
        }
        for (Dependency dependency : sentence.dependencies()) {
            int dependent = dependency.dependent();
            if (dependent < 0 || dependent >= n || head[dependent] != -2) {
                continue;
            }
            head[dependent] = dependency.governor();
            relation[dependent] = dependency.relation();
            if (dependency.governor() >= 0 && dependency.governor() < n) {
                children.get(dependency.governor()).add(dependent);
            }
        }
    }

    /** The head of token {@code i}, -1 for the root, -2 when the token is not attached. */
    public int head(int i) {
        return head[i];
    }

    public String relation(int i) {
        return relation[i];
    }

    public List<Integer> children(int i) {
        return children.get(i);
    }

    /** The token of [from, to) whose head lies outside the span: the span's syntactic head. */
    public int headOf(int from, int to) {
        for (int i = from; i < to; i++) {
            if (head[i] < from || head[i] >= to) {
                if (head[i] != -2) {
                    return i;
                }
            }
        }
        return to - 1;
    }

    /**
     * The path from {@code from} to {@code to} as relations with arrows: {@code ^} going up to a
     * head, {@code v} going down to a dependent; null when there is none within {@code maxSteps}.
     */
    public String path(int from, int to, int maxSteps) {
        List<String> steps = steps(from, to, maxSteps);
        return steps == null ? null : String.join("", steps);
    }

    /** The steps of {@link #path}, or null when there is no path within {@code maxSteps}. */
    public List<String> steps(int from, int to, int maxSteps) {
        if (from == to) {
            return List.of();
        }
        int n = head.length;
        int[] previous = new int[n];
        String[] step = new String[n];
        Arrays.fill(previous, -1);
        int[] depth = new int[n];
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        previous[from] = from;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            if (node == to) {
                break;
            }
            if (depth[node] >= maxSteps) {
                continue;
            }
            int up = head[node];
            if (up >= 0 && previous[up] < 0) {
                previous[up] = node;
                step[up] = "^" + relation[node];
                depth[up] = depth[node] + 1;
                queue.add(up);
            }
            for (int child : children.get(node)) {
                if (previous[child] < 0) {
                    previous[child] = node;
                    step[child] = "v" + relation[child];
                    depth[child] = depth[node] + 1;
                    queue.add(child);
                }
            }
        }
        if (previous[to] < 0) {
            return null;
        }
        List<String> steps = new ArrayList<>();
        for (int node = to; node != from; node = previous[node]) {
            steps.add(step[node]);
        }
        java.util.Collections.reverse(steps);
        return steps;
    }

    /** The number of steps of {@link #path}, or {@code Integer.MAX_VALUE} when unreachable. */
    public int distance(int from, int to, int maxSteps) {
        List<String> steps = steps(from, to, maxSteps);
        return steps == null ? Integer.MAX_VALUE : steps.size();
    }
}
