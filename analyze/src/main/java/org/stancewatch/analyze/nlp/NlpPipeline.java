package org.stancewatch.analyze.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.ParserAnnotator;
import edu.stanford.nlp.pipeline.SentimentAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoreNLP in three stages, each on fewer sentences than the one before. Splitting (tokenize,
 * ssplit) runs on the whole text; tagging (pos, lemma and a cheap 3-class NER without SUTime,
 * numeric or fine-grained classifiers) only on the sentences the caller picks, those that may
 * name an actor; the deep stage (the shift-reduce parser with binary trees, the neural
 * dependency parser, then the sentiment RNTN; or the dependency parser alone) on fewer still,
 * because parsing costs far more than the rest. Dependencies come from the neural parser rather
 * than from converting the constituency tree: the conversion took half of the scorer's time.
 *
 * <p>One instance is shared by all threads: CoreNLP's annotators keep no per-document state.
 */
public final class NlpPipeline {

    /** The shift-reduce parser, 15-30x faster than the default PCFG; it lives in models-english. */
    public static final String SHIFT_REDUCE_PARSER = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";

    /** The neural dependency parser's model: Universal Dependencies v2. */
    public static final String DEPENDENCY_PARSER = "edu/stanford/nlp/models/parser/nndep/english_UD.gz";

    private static final Logger LOG = LoggerFactory.getLogger(NlpPipeline.class);

    private final StanfordCoreNLP splitter;
    private final StanfordCoreNLP tagger;
    private final ParserAnnotator parser;
    private final DependencyParser dependencies;
    private final SentimentAnnotator sentiment;

    /** What the deep stage can do. */
    public enum DeepStage {
        /** Only the neural dependency parser: what holder attribution reads (stance model v2). */
        DEPENDENCIES,
        /** The shift-reduce parser, the dependency parser and the RNTN (stance model v1's features). */
        PARSE_AND_SENTIMENT
    }

    private NlpPipeline(boolean textIsOneSentence, DeepStage deepStage) {
        long started = System.nanoTime();
        splitter = new StanfordCoreNLP(splitProperties(textIsOneSentence));
        tagger = new StanfordCoreNLP(tagProperties());
        Properties deep = deepProperties();
        boolean full = deepStage == DeepStage.PARSE_AND_SENTIMENT;
        parser = full ? new ParserAnnotator("parse", deep) : null;
        dependencies = DependencyParser.loadFromModelFile(DEPENDENCY_PARSER);
        sentiment = full ? new SentimentAnnotator("sentiment", deep) : null;
        LOG.info("CoreNLP pipeline loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** The pipeline for article text (sentences are split), with the whole deep stage. */
    public static NlpPipeline forArticles() {
        return new NlpPipeline(false, DeepStage.PARSE_AND_SENTIMENT);
    }

    /** The pipeline for article text with the deep stage a stance model needs. */
    public static NlpPipeline forArticles(DeepStage deepStage) {
        return new NlpPipeline(false, deepStage);
    }

    /** The pipeline for data sets that hold one sentence per text (no sentence splitting). */
    public static NlpPipeline forSingleSentences() {
        return new NlpPipeline(true, DeepStage.PARSE_AND_SENTIMENT);
    }

    static Properties splitProperties(boolean textIsOneSentence) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit");
        if (textIsOneSentence) {
            props.setProperty("ssplit.isOneSentence", "true");
        }
        return props;
    }

    static Properties tagProperties() {
        Properties props = new Properties();
        props.setProperty("annotators", "pos,lemma,ner");
        // the sentences come split by the first stage
        props.setProperty("enforceRequirements", "false");
        props.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        props.setProperty("ner.combinationMode", "NORMAL");
        return props;
    }

    static Properties deepProperties() {
        Properties props = new Properties();
        props.setProperty("parse.model", SHIFT_REDUCE_PARSER);
        props.setProperty("parse.binaryTrees", "true");
        props.setProperty("parse.buildgraphs", "false");
        // The caller caps sentence length itself (and counts what it cuts); this is a backstop.
        props.setProperty("parse.maxlen", "400");
        return props;
    }

    /** Tokens and sentences of the whole text. */
    public Annotation split(String text) {
        Annotation annotation = new Annotation(text);
        splitter.annotate(annotation);
        return annotation;
    }

    /** Adds part-of-speech tags, lemmas and coarse entities to the given sentences of a split text. */
    public void annotateTags(List<CoreMap> sentences) {
        if (!sentences.isEmpty()) {
            tagger.annotate(selection(sentences));
        }
    }

    /** Parses the given sentences (tagged sentences of a split text) and adds RNTN sentiment. */
    public void annotateDeep(List<CoreMap> sentences) {
        if (sentences.isEmpty()) {
            return;
        }
        if (parser == null) {
            throw new IllegalStateException("this pipeline was loaded with the dependency parser alone");
        }
        Annotation selected = selection(sentences);
        parser.annotate(selected);
        addDependencies(sentences);
        sentiment.annotate(selected);
    }

    /**
     * Adds only the dependencies to the given sentences: what holder attribution needs when the
     * stance model reads the text itself (v2). The neural dependency parser takes the tagging
     * stage's part-of-speech tags; no constituency parse, no RNTN.
     */
    public void annotateDependencies(List<CoreMap> sentences) {
        if (sentences.isEmpty()) {
            return;
        }
        addDependencies(sentences);
    }

    /**
     * The basic dependencies of each sentence. CoreNLP's dependency annotator also builds the
     * collapsed, CC-processed, enhanced and enhanced++ graphs, which nothing here reads and which
     * took as long as the parse itself.
     */
    private void addDependencies(List<CoreMap> sentences) {
        for (CoreMap sentence : sentences) {
            GrammaticalStructure structure = dependencies.predict(sentence);
            sentence.set(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class,
                    SemanticGraphFactory.makeFromTree(structure, SemanticGraphFactory.Mode.BASIC,
                            GrammaticalStructure.Extras.NONE, null));
        }
    }

    /** An annotation holding only the given sentences (and their tokens: NER reads them there too). */
    private static Annotation selection(List<CoreMap> sentences) {
        Annotation selected = new Annotation("");
        selected.set(CoreAnnotations.SentencesAnnotation.class, sentences);
        List<CoreLabel> tokens = new ArrayList<>();
        sentences.forEach(sentence -> tokens.addAll(sentence.get(CoreAnnotations.TokensAnnotation.class)));
        selected.set(CoreAnnotations.TokensAnnotation.class, tokens);
        return selected;
    }

    /**
     * A sentence of its own made of tokens [from, to) of {@code sentence}: the way a sentence
     * longer than the parse cap is parsed in windows around its mentions. The tokens are copies,
     * indexed from 1 again, so the original sentence stays as it was.
     */
    public static CoreMap window(CoreMap sentence, int from, int to) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        List<CoreLabel> copies = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            CoreLabel copy = new CoreLabel(tokens.get(i));
            copy.setIndex(i - from + 1);
            copies.add(copy);
        }
        CoreMap window = new ArrayCoreMap();
        window.set(CoreAnnotations.TokensAnnotation.class, copies);
        window.set(CoreAnnotations.TextAnnotation.class, text(copies));
        window.set(CoreAnnotations.SentenceIndexAnnotation.class, sentence.get(CoreAnnotations.SentenceIndexAnnotation.class));
        return window;
    }

    private static String text(List<CoreLabel> tokens) {
        StringBuilder text = new StringBuilder();
        for (CoreLabel token : tokens) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(token.word());
        }
        return text.toString();
    }
}
