package org.stancewatch.analyze.stance.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.stancewatch.analyze.nlp.NlpPipeline;
import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.analyze.stance.StanceFeatures;
import org.stancewatch.analyze.stance.StanceModel;
import org.stancewatch.analyze.stance.StancePrediction;
import org.stancewatch.model.json.Json;

/**
 * Scores the given targets of a NewsMTSC-format file ({@code stancewatch stance --newsmtsc}):
 * the targets' character spans are taken as given, not detected. Writes one JSON line per target
 * when asked ({@code Input.gid}, the predicted {@code polarity} in the data set's coding 2.0 /
 * 4.0 / 6.0, {@code score}, {@code confidence}) and measures accuracy and macro-F1 where the file
 * has labels.
 */
public final class NewsMtscScoring {

    private NewsMtscScoring() {
    }

    /** The evaluation against the file's labels (empty when it has none). */
    public static Evaluation score(Path data, Path predictions, StanceModel model, int threads, Consumer<String> progress) {
        List<NewsMtscSentence> sentences = NewsMtscReader.read(data);
        progress.accept(sentences.size() + " sentences read from " + data + "; parsing with CoreNLP ...");
        List<ParsedSentence> parsed = ParsedCorpus.parse(sentences, NlpPipeline.forSingleSentences(), threads, progress);
        Evaluation evaluation = new Evaluation();
        BufferedWriter out = null;
        try {
            if (predictions != null) {
                if (predictions.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(predictions.toAbsolutePath().getParent());
                }
                out = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8);
            }
            for (int i = 0; i < sentences.size(); i++) {
                for (LabelledTarget target : LabelledTarget.of(sentences.get(i), parsed.get(i))) {
                    StancePrediction prediction = model.predict(
                            StanceFeatures.extract(target.sentence(), target.tokenFrom(), target.tokenTo()));
                    if (target.gold() != null) {
                        evaluation.add(target.gold(), prediction.polarity());
                    }
                    if (out != null) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("Input.gid", target.gid());
                        line.put("polarity", NewsMtscTarget.code(prediction.polarity()));
                        line.put("score", Math.round(prediction.score() * 10000) / 10000.0);
                        line.put("confidence", Math.round(prediction.confidence() * 10000) / 10000.0);
                        out.write(Json.mapper().writeValueAsString(line));
                        out.write('\n');
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + predictions + ": " + e.getMessage(), e);
        } finally {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    progress.accept("could not close " + predictions + ": " + e.getMessage());
                }
            }
        }
        return evaluation;
    }
}
