package org.stancewatch.analyze.stance;

import edu.stanford.nlp.pipeline.*;
import java.nio.file.Path;
import java.util.*;

public class ProfileMain {
    public static void main(String[] args) throws Exception {
        List<String> corpus = StanceBenchmark.corpus(Path.of("/work/shared/data/extraction/trafilatura-eval/eval"), 12, 4000);
        for (String annotators : new String[] {"tokenize,ssplit", "tokenize,ssplit,pos", "tokenize,ssplit,pos,lemma", "tokenize,ssplit,pos,lemma,ner"}) {
            Properties p = new Properties();
            p.setProperty("annotators", annotators);
            p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
            p.setProperty("ner.useSUTime", "false");
            p.setProperty("ner.applyNumericClassifiers", "false");
            p.setProperty("ner.applyFineGrained", "false");
            p.setProperty("ner.buildEntityMentions", "false");
            StanfordCoreNLP nlp = new StanfordCoreNLP(p);
            nlp.annotate(new Annotation(corpus.get(0)));
            long t = System.nanoTime();
            for (int r = 0; r < 2; r++) for (String text : corpus) nlp.annotate(new Annotation(text));
            System.out.printf("%s: %.2f s per pass%n", annotators, (System.nanoTime() - t) / 2e9);
        }
        CoreNlpStanceScorer scorer = CoreNlpStanceScorer.fromDefaults();
        scorer.analyze(LocalArticles.of(corpus.get(0), "x", java.time.LocalDate.of(2020,1,1), "en"));
        long t = System.nanoTime();
        for (int r = 0; r < 2; r++) for (String text : corpus) scorer.analyze(LocalArticles.of(text, "x", java.time.LocalDate.of(2020,1,1), "en"));
        System.out.printf("scorer: %.2f s per pass%n", (System.nanoTime() - t) / 2e9);
    }
}
