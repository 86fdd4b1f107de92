package org.stancewatch.analyze.lexicon;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits lexicon phrases into tokens with CoreNLP's English tokenizer, the one the pipeline
 * uses on article text, so that "Russia's" or "U.S.-Russian" split the same way in both.
 */
public final class PhraseTokenizer {

    private PhraseTokenizer() {
    }

    public static List<String> tokens(String phrase) {
        PTBTokenizer<CoreLabel> tokenizer = new PTBTokenizer<>(new StringReader(phrase), new CoreLabelTokenFactory(),
                "invertible=true");
        List<String> words = new ArrayList<>();
        while (tokenizer.hasNext()) {
            words.add(tokenizer.next().word());
        }
        // A trailing "*" (any ending) comes out as a token of its own; glue it back on.
        List<String> glued = new ArrayList<>();
        for (String word : words) {
            if (word.equals("*") && !glued.isEmpty()) {
                glued.set(glued.size() - 1, glued.getLast() + "*");
            } else {
                glued.add(word);
            }
        }
        return glued;
    }
}
