package org.stancewatch.analyze.stance;

import java.nio.file.Path;
import java.util.List;
import org.stancewatch.analyze.nlp.NlpPipeline;
import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.analyze.stance.training.NewsMtscReader;
import org.stancewatch.analyze.stance.training.NewsMtscSentence;
import org.stancewatch.analyze.stance.training.ParsedCorpus;

public class ParseCorpusMain {
    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        Path cache = Path.of(args[1]);
        List<NewsMtscSentence> sentences = NewsMtscReader.read(data);
        NlpPipeline pipeline = NlpPipeline.forSingleSentences();
        List<ParsedSentence> parsed = ParsedCorpus.parse(sentences, pipeline, Integer.parseInt(args[2]), System.out::println);
        ParsedCorpus.writeCache(cache, data, parsed);
    }
}
