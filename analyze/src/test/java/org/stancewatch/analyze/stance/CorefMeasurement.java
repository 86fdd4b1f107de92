package org.stancewatch.analyze.stance;

import edu.stanford.nlp.coref.CorefCoreAnnotations;
import edu.stanford.nlp.coref.data.CorefChain;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.stancewatch.analyze.StanceModels;

/**
 * What CoreNLP's coreference would cost and gain in the scorer, measured before deciding whether
 * to use it: on the benchmark corpus, the time of the statistical coreference system (with the
 * dependency parser it needs) per article, against the scorer's own time; and how many sentences
 * it would add, i.e. sentences with no lexicon match that hold a mention (typically a pronoun)
 * in a chain that also holds a lexicon match.
 *
 * <p>Run: {@code ./mvnw -q -pl analyze exec:java -Dexec.mainClass=org.stancewatch.analyze.stance.CorefMeasurement
 * -Dexec.classpathScope=test}
 */
public final class CorefMeasurement {

    private CorefMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        Path pages = Path.of(System.getProperty("stancewatch.shared.data", "../shared/data"),
                "extraction", "trafilatura-eval", "eval");
        List<String> corpus = StanceBenchmark.corpus(pages, 12, 4000);
        CoreNlpStanceScorer scorer = CoreNlpStanceScorer.fromFiles(null, null, () -> StanceModels.load(StanceModels.DEFAULT));
        scorer.analyze(LocalArticles.of(corpus.getFirst(), "warm-up", LocalDate.of(2020, 1, 1), "en"));
        long started = System.nanoTime();
        int mentions = 0;
        Set<String> scoredSentences = new HashSet<>();
        for (int a = 0; a < corpus.size(); a++) {
            ArticleAnalysis analysis = scorer.analyze(LocalArticles.of(corpus.get(a), "m", LocalDate.of(2020, 1, 1), "en"));
            mentions += analysis.mentions().size();
            for (var mention : analysis.mentions()) {
                scoredSentences.add(a + ":" + mention.sentenceIndex());
            }
        }
        double scorerSeconds = (System.nanoTime() - started) / 1e9;

        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse,coref");
        props.setProperty("coref.algorithm", "statistical");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyFineGrained", "false");
        long loadStarted = System.nanoTime();
        StanfordCoreNLP coref = new StanfordCoreNLP(props);
        double load = (System.nanoTime() - loadStarted) / 1e9;
        coref.annotate(new Annotation(corpus.getFirst()));
        started = System.nanoTime();
        int added = 0;
        for (int a = 0; a < corpus.size(); a++) {
            Annotation annotation = new Annotation(corpus.get(a));
            coref.annotate(annotation);
            Map<Integer, CorefChain> chains = annotation.get(CorefCoreAnnotations.CorefChainAnnotation.class);
            List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
            for (CorefChain chain : chains.values()) {
                boolean hasActor = false;
                for (CorefChain.CorefMention mention : chain.getMentionsInTextualOrder()) {
                    hasActor |= scoredSentences.contains(a + ":" + (mention.sentNum - 1))
                            && namesActor(sentences.get(mention.sentNum - 1), mention);
                }
                if (!hasActor) {
                    continue;
                }
                for (CorefChain.CorefMention mention : chain.getMentionsInTextualOrder()) {
                    if (scoredSentences.add(a + ":" + (mention.sentNum - 1))) {
                        added++;
                    }
                }
            }
        }
        double corefSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "scorer: %.1f s for %d articles, %d mentions in %d sentences%n", scorerSeconds,
                corpus.size(), mentions, scoredSentences.size() - added);
        System.out.printf(Locale.ROOT, "coreference (statistical, with depparse; load %.1f s): %.1f s for the same "
                        + "articles (%.1fx the scorer's whole time), would add %d sentences with an actor mention "
                        + "(+%.0f%%)%n", load, corefSeconds, corefSeconds / scorerSeconds, added,
                100.0 * added / Math.max(1, scoredSentences.size() - added));
    }

    /** True when the chain mention's words are capitalised (a name), i.e. likely our lexicon's match. */
    private static boolean namesActor(CoreMap sentence, CorefChain.CorefMention mention) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        for (int i = mention.startIndex - 1; i < mention.endIndex - 1 && i < tokens.size(); i++) {
            if (Character.isUpperCase(tokens.get(i).word().charAt(0)) && !tokens.get(i).tag().startsWith("PRP")) {
                return true;
            }
        }
        return false;
    }
}
