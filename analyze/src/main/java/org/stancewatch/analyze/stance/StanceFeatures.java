package org.stancewatch.analyze.stance;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.List;
import java.util.Locale;
import org.stancewatch.analyze.nlp.DependencyTree;
import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.analyze.nlp.ParsedToken;
import org.stancewatch.analyze.nlp.PhraseNode;

/**
 * The features of one target in one sentence, all relative to that target, so that two targets
 * of a sentence get different features (and can get opposite stances):
 *
 * <ul>
 *   <li>the RNTN sentiment of the whole sentence, of the target's phrase, of the phrases beside
 *       it on the way up the parse tree (what is said about it) and of its clause;</li>
 *   <li>sentiment-bearing words (the RNTN's word-level predictions) by token distance, by
 *       dependency distance and by the dependency path from the target, with negation folded
 *       in;</li>
 *   <li>the target's grammatical role and its head word, with hand-made verb classes (conflict,
 *       cooperation, speech, attitude): agent or object of "condemn", "praise", ...;</li>
 *   <li>the words of the sentence and of a window around the target;</li>
 *   <li>quotes and speech: inside a quote, the speaker of a speech verb, reported speech.</li>
 * </ul>
 */
public final class StanceFeatures {

    /**
     * Changes whenever the features or the parses they read change (2: dependencies from the neural
     * dependency parser): a model is only valid with the features it was trained on.
     */
    public static final String VERSION = "stance-features/2";

    private static final double WORD_POLARITY_THRESHOLD = 0.3;
    private static final int WINDOW = 4;

    private StanceFeatures() {
    }

    /** The features of target tokens [from, to) of {@code sentence}. */
    public static Counter<String> extract(ParsedSentence sentence, int from, int to) {
        Counter<String> features = new ClassicCounter<>();
        features.setCount("bias", 1);
        List<ParsedToken> tokens = sentence.tokens();
        addTargetFeatures(features, sentence, from, to);
        addWords(features, tokens, from, to);
        addQuotes(features, tokens, from, to);
        if (sentence.isParsed()) {
            DependencyTree tree = new DependencyTree(sentence);
            int head = tree.headOf(from, to);
            addTreeSentiment(features, sentence, from, to);
            addRole(features, sentence, tree, head);
            addPolarWords(features, sentence, tree, head, from, to);
        }
        return features;
    }

    private static void addTargetFeatures(Counter<String> features, ParsedSentence sentence, int from, int to) {
        ParsedToken last = sentence.tokens().get(to - 1);
        if (last.tag().startsWith("PRP")) {
            features.setCount("target.pronoun", 1);
        }
        features.setCount("target.ner=" + last.ner(), 1);
        if (from == 0) {
            features.setCount("target.first", 1);
        }
        features.setCount("target.position=" + Math.min(4, 5 * from / Math.max(1, sentence.size())), 1);
    }

    private static void addWords(Counter<String> features, List<ParsedToken> tokens, int from, int to) {
        for (int i = 0; i < tokens.size(); i++) {
            if (i >= from && i < to) {
                continue;
            }
            ParsedToken token = tokens.get(i);
            if (!isWord(token)) {
                continue;
            }
            String lemma = lemma(token);
            features.setCount("w=" + lemma, 1);
            if (i < from && from - i <= WINDOW) {
                features.setCount("left=" + lemma, 1);
            } else if (i >= to && i - to < WINDOW) {
                features.setCount("right=" + lemma, 1);
            }
        }
    }

    private static void addQuotes(Counter<String> features, List<ParsedToken> tokens, int from, int to) {
        int quotesBefore = 0;
        int quotes = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (isQuote(tokens.get(i).word())) {
                quotes++;
                if (i < from) {
                    quotesBefore++;
                }
            }
        }
        if (quotes > 0) {
            features.setCount("quote.sentence", 1);
            if (quotesBefore % 2 == 1) {
                features.setCount("quote.inside", 1);
            }
        }
    }

    private static void addTreeSentiment(Counter<String> features, ParsedSentence sentence, int from, int to) {
        PhraseNode root = sentence.root();
        addSentiment(features, "root", root);
        int node = sentence.smallestCovering(from, to);
        PhraseNode target = sentence.phrases().get(node);
        if (target.length() <= (to - from) + 3) {
            addSentiment(features, "phrase", target);
        }
        // Siblings on the way up: in "(S (NP Russia) (VP blocked the resolution))" the VP is what is said about Russia.
        int child = node;
        int level = 0;
        for (int parent = target.parent(); parent >= 0 && level < 3; parent = sentence.phrases().get(parent).parent()) {
            PhraseNode sibling = sibling(sentence, parent, child);
            if (sibling != null) {
                level++;
                addSentiment(features, "sibling" + level, sibling);
                features.setCount("sibling" + level + ".label=" + bare(sibling.label()), 1);
            }
            child = parent;
        }
        for (int ancestor : sentence.ancestors(node)) {
            PhraseNode phrase = sentence.phrases().get(ancestor);
            if (phrase.length() > target.length() && bare(phrase.label()).startsWith("S")) {
                addSentiment(features, "clause", phrase);
                break;
            }
        }
    }

    private static PhraseNode sibling(ParsedSentence sentence, int parent, int child) {
        PhraseNode childNode = sentence.phrases().get(child);
        for (int i = parent + 1; i < sentence.phrases().size(); i++) {
            PhraseNode node = sentence.phrases().get(i);
            if (node.parent() == parent && i != child && (node.end() <= childNode.start() || node.start() >= childNode.end())) {
                return node;
            }
        }
        return null;
    }

    private static void addSentiment(Counter<String> features, String name, PhraseNode node) {
        features.setCount(name + ".neg", node.negative());
        features.setCount(name + ".pos", node.positive());
        features.setCount(name + ".class=" + argmax(node.sentiment()), 1);
    }

    private static void addRole(Counter<String> features, ParsedSentence sentence, DependencyTree tree, int head) {
        String relation = tree.relation(head);
        features.setCount("rel=" + relation, 1);
        int governor = tree.head(head);
        if (governor < 0) {
            return;
        }
        String govLemma = lemma(sentence.tokens().get(governor));
        boolean negated = isNegated(sentence, tree, governor);
        features.setCount("gov=" + relation + ":" + govLemma, 1);
        String verbClass = VerbClasses.classOf(govLemma);
        if (verbClass != null) {
            String role = role(relation);
            features.setCount("role=" + role + ":" + verbClass + (negated ? ":negated" : ""), 1);
        }
        if (negated) {
            features.setCount("gov.negated", 1);
        }
        // Inside a noun phrase ("Russia's reaction"), the phrase's own role matters too.
        if (relation.startsWith("nmod") || relation.equals("compound") || relation.equals("amod")
                || relation.equals("appos") || relation.equals("conj")) {
            int upper = tree.head(governor);
            if (upper >= 0) {
                String upperLemma = lemma(sentence.tokens().get(upper));
                features.setCount("gov2=" + tree.relation(governor) + ":" + upperLemma, 1);
                String upperClass = VerbClasses.classOf(upperLemma);
                if (upperClass != null) {
                    features.setCount("role2=" + role(tree.relation(governor)) + ":" + upperClass, 1);
                }
            }
        }
        for (int child : tree.children(head)) {
            String childRelation = tree.relation(child);
            if (childRelation.equals("amod") || childRelation.equals("compound") || childRelation.equals("appos")
                    || childRelation.startsWith("acl")) {
                features.setCount("child=" + childRelation + ":" + lemma(sentence.tokens().get(child)), 1);
            }
        }
    }

    private static String role(String relation) {
        if (relation.equals("nsubj") || relation.equals("obl:agent")) {
            return "agent";
        }
        if (relation.startsWith("nsubj:pass") || relation.equals("obj") || relation.equals("iobj")) {
            return "patient";
        }
        if (relation.startsWith("obl") || relation.startsWith("nmod")) {
            return "oblique";
        }
        return "other";
    }

    private static void addPolarWords(Counter<String> features, ParsedSentence sentence, DependencyTree tree, int head,
                                      int from, int to) {
        List<ParsedToken> tokens = sentence.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (i >= from && i < to) {
                continue;
            }
            int preterminal = sentence.preterminal(i);
            if (preterminal < 0) {
                continue;
            }
            double polarity = sentence.phrases().get(preterminal).polarity();
            if (Math.abs(polarity) < WORD_POLARITY_THRESHOLD) {
                continue;
            }
            boolean negated = isNegated(sentence, tree, i) || (tree.head(i) >= 0 && isNegated(sentence, tree, tree.head(i)));
            String sign = (polarity > 0) != negated ? "pos" : "neg";
            features.incrementCount("polar.all." + sign);
            int distance = i < from ? from - i : i - to + 1;
            if (distance <= WINDOW) {
                features.incrementCount("polar.near." + sign);
            }
            List<String> steps = tree.steps(head, i, 4);
            if (steps != null) {
                features.incrementCount("polar.dep" + Math.min(steps.size(), 4) + "." + sign);
                if (steps.size() <= 3) {
                    features.setCount("path=" + String.join("", steps) + "." + sign, 1);
                }
                if (!steps.isEmpty()) {
                    features.setCount("path1=" + steps.getFirst() + "." + sign, 1);
                }
                features.setCount("polarword=" + lemma(tokens.get(i)) + "." + sign + ".dep" + Math.min(steps.size(), 4), 1);
            }
            if (negated) {
                features.incrementCount("polar.negated");
            }
        }
    }

    private static boolean isNegated(ParsedSentence sentence, DependencyTree tree, int token) {
        for (int child : tree.children(token)) {
            String relation = tree.relation(child);
            if ((relation.equals("advmod") || relation.equals("det") || relation.equals("neg") || relation.equals("cc:preconj"))
                    && VerbClasses.NEGATORS.contains(lemma(sentence.tokens().get(child)))) {
                return true;
            }
        }
        return false;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String bare(String label) {
        return label.startsWith("@") ? label.substring(1) : label;
    }

    static String lemma(ParsedToken token) {
        String lemma = token.lemma().isEmpty() ? token.word() : token.lemma();
        return lemma.toLowerCase(Locale.ROOT);
    }

    private static boolean isWord(ParsedToken token) {
        String word = token.word();
        return !word.isEmpty() && Character.isLetterOrDigit(word.charAt(0));
    }

    static boolean isQuote(String word) {
        return word.equals("\"") || word.equals("``") || word.equals("''") || word.equals("“") || word.equals("”")
                || word.equals("‘‘") || word.equals("’’");
    }
}
