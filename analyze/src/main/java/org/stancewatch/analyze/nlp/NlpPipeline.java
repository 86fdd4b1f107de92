package org.stancewatch.analyze.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.DependencyParseAnnotator;
import edu.stanford.nlp.pipeline.ParserAnnotator;
import edu.stanford.nlp.pipeline.SentimentAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoreNLP in two stages. The light stage (tokenize, ssplit, pos, lemma and a cheap 3-class NER
 * without SUTime, numeric or fine-grained classifiers) runs on every sentence; the deep stage
 * (the shift-reduce parser with binary trees, the neural dependency parser, then the sentiment
 * RNTN) runs only on the sentences the caller picks, because parsing costs far more than the
 * rest. Dependencies come from the neural parser rather than from converting the constituency
 * tree: the conversion took half of the scorer's time.
 *
 * <p>One instance is shared by all threads: CoreNLP's annotators keep no per-document state.
 */
public final class NlpPipeline {

    /** The shift-reduce parser, 15-30x faster than the default PCFG; it lives in models-english. */
    public static final String SHIFT_REDUCE_PARSER = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";

    private static final Logger LOG = LoggerFactory.getLogger(NlpPipeline.class);

    private final StanfordCoreNLP light;
    private final ParserAnnotator parser;
    private final DependencyParseAnnotator dependencies;
    private final SentimentAnnotator sentiment;

    private NlpPipeline(boolean textIsOneSentence) {
        long started = System.nanoTime();
        light = new StanfordCoreNLP(lightProperties(textIsOneSentence));
        Properties deep = deepProperties();
        parser = new ParserAnnotator("parse", deep);
        dependencies = new DependencyParseAnnotator(); // english_UD, Universal Dependencies v2
        sentiment = new SentimentAnnotator("sentiment", deep);
        LOG.info("CoreNLP pipeline loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** The pipeline for article text: sentences are split. */
    public static NlpPipeline forArticles() {
        return new NlpPipeline(false);
    }

    /** The pipeline for data sets that hold one sentence per text (no sentence splitting). */
    public static NlpPipeline forSingleSentences() {
        return new NlpPipeline(true);
    }

    static Properties lightProperties(boolean textIsOneSentence) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        props.setProperty("ner.combinationMode", "NORMAL");
        if (textIsOneSentence) {
            props.setProperty("ssplit.isOneSentence", "true");
        }
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

    /** Tokens, sentences, tags, lemmas and coarse entities for the whole text. */
    public Annotation annotateLight(String text) {
        Annotation annotation = new Annotation(text);
        light.annotate(annotation);
        return annotation;
    }

    /** Parses the given sentences (maps from a light annotation) and adds RNTN sentiment. */
    public void annotateDeep(List<CoreMap> sentences) {
        if (sentences.isEmpty()) {
            return;
        }
        Annotation selected = new Annotation("");
        selected.set(CoreAnnotations.SentencesAnnotation.class, sentences);
        parser.annotate(selected);
        dependencies.annotate(selected);
        sentiment.annotate(selected);
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
