package org.stancewatch.analyze.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/** Copies what the stance features need out of a CoreNLP sentence into a {@link ParsedSentence}. */
public final class SentenceConverter {

    private SentenceConverter() {
    }

    /** The sentence's tokens and what the deep stage added: the tree with sentiment, the dependencies. */
    public static ParsedSentence convert(CoreMap sentence) {
        List<ParsedToken> tokens = new ArrayList<>();
        for (CoreLabel label : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
            tokens.add(new ParsedToken(label.word(), nullToEmpty(label.lemma()), nullToEmpty(label.tag()),
                    label.ner() == null ? "O" : label.ner(), label.beginPosition(), label.endPosition()));
        }
        Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
        List<PhraseNode> phrases = new ArrayList<>();
        if (tree != null && tree.getLeaves().size() == tokens.size()) {
            addPhrases(tree, -1, 0, phrases);
        }
        List<Dependency> dependencies = new ArrayList<>();
        SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
        if (graph != null) {
            graph.getRoots().forEach(root -> dependencies.add(new Dependency(-1, root.index() - 1, "root")));
            for (SemanticGraphEdge edge : graph.edgeIterable()) {
                dependencies.add(new Dependency(edge.getGovernor().index() - 1, edge.getDependent().index() - 1,
                        edge.getRelation().toString()));
            }
        }
        return new ParsedSentence(tokens, phrases, dependencies);
    }

    /** Adds {@code node} and its inner descendants in pre-order; returns the token index after it. */
    private static int addPhrases(Tree node, int parent, int start, List<PhraseNode> phrases) {
        if (node.isLeaf()) {
            return start + 1;
        }
        int index = phrases.size();
        phrases.add(null);
        int end = start;
        for (Tree child : node.children()) {
            end = addPhrases(child, index, end, phrases);
        }
        phrases.set(index, new PhraseNode(node.label().value(), start, end, parent, probabilities(node)));
        return end;
    }

    private static float[] probabilities(Tree node) {
        SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(node);
        float[] probs = new float[5];
        if (predictions == null) {
            probs[2] = 1f;
            return probs;
        }
        for (int i = 0; i < 5 && i < predictions.getNumElements(); i++) {
            probs[i] = (float) predictions.get(i);
        }
        return probs;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
