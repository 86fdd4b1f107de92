package org.stancewatch.analyze.stance.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.stancewatch.analyze.nlp.NlpPipeline;
import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.analyze.stance.CharSpan;
import org.stancewatch.analyze.stance.StancePrediction;
import org.stancewatch.analyze.stance.TargetInSentence;
import org.stancewatch.analyze.stance.TargetStanceModel;
import org.stancewatch.model.json.Json;

/**
 * Scores the given targets of a NewsMTSC-format file ({@code stancewatch stance --newsmtsc}):
 * the targets' character spans are taken as given, not detected. Writes one JSON line per target
 * when asked ({@code Input.gid}, the predicted {@code polarity} in the data set's coding 2.0 /
 * 4.0 / 6.0, {@code score}, {@code confidence}) and measures accuracy and macro-F1 where the file
 * has labels. CoreNLP parses the sentences only for a model that reads parses (v1).
 */
public final class NewsMtscScoring {

    /** Sentences per call of the model: its batches, and a progress line each. */
    private static final int CHUNK = 256;

    private NewsMtscScoring() {
    }

    /** The evaluation against the file's labels (empty when it has none). */
    public static Evaluation score(Path data, Path predictions, TargetStanceModel model, int threads,
                                   Consumer<String> progress) {
        List<NewsMtscSentence> sentences = NewsMtscReader.read(data);
        progress.accept(sentences.size() + " sentences read from " + data);
        List<EvaluationTarget> targets = targets(sentences, parseIfNeeded(sentences, model, threads, progress));
        List<StancePrediction> predicted = predict(model, targets, progress);
        if (predictions != null) {
            write(predictions, targets, predicted);
        }
        return evaluate(targets, predicted);
    }

    /** CoreNLP's parses of the sentences when {@code model} reads them, else null. */
    public static List<ParsedSentence> parseIfNeeded(List<NewsMtscSentence> sentences, TargetStanceModel model,
                                                     int threads, Consumer<String> progress) {
        if (!model.readsParses()) {
            return null;
        }
        progress.accept("parsing with CoreNLP for " + model.version() + " ...");
        return ParsedCorpus.parse(sentences, NlpPipeline.forSingleSentences(), threads, progress);
    }

    /**
     * Every target of {@code sentences}, with its token span in the parse when {@code parsed} is
     * given (a span that covers no token is then left out, as the v1 trainer does).
     */
    public static List<EvaluationTarget> targets(List<NewsMtscSentence> sentences, List<ParsedSentence> parsed) {
        List<EvaluationTarget> targets = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            NewsMtscSentence sentence = sentences.get(i);
            if (parsed != null) {
                for (LabelledTarget target : LabelledTarget.of(sentence, parsed.get(i))) {
                    NewsMtscTarget source = sentence.targets().stream().filter(t -> t.gid().equals(target.gid()))
                            .findFirst().orElseThrow();
                    targets.add(new EvaluationTarget(target.gid(), target.articleKey(), new TargetInSentence(
                            target.sentence(), target.tokenFrom(), target.tokenTo(), sentence.sentence(),
                            new CharSpan(source.from(), source.to())), target.gold()));
                }
            } else {
                for (NewsMtscTarget target : sentence.targets()) {
                    targets.add(new EvaluationTarget(target.gid(), sentence.articleKey(), new TargetInSentence(
                            null, -1, -1, sentence.sentence(), new CharSpan(target.from(), target.to())),
                            target.polarity()));
                }
            }
        }
        return targets;
    }

    /** The model's predictions for the targets, in order, a chunk of sentences at a time. */
    public static List<StancePrediction> predict(TargetStanceModel model, List<EvaluationTarget> targets,
                                                 Consumer<String> progress) {
        List<StancePrediction> predictions = new ArrayList<>(targets.size());
        int from = 0;
        while (from < targets.size()) {
            int to = Math.min(targets.size(), from + CHUNK);
            predictions.addAll(model.predict(targets.subList(from, to).stream().map(EvaluationTarget::target).toList()));
            from = to;
            if (from < targets.size()) {
                progress.accept(String.format("%s: %,d of %,d targets scored", model.version(), from, targets.size()));
            }
        }
        return predictions;
    }

    /** Predictions against the labels, where there are labels. */
    public static Evaluation evaluate(List<EvaluationTarget> targets, List<StancePrediction> predictions) {
        Evaluation evaluation = new Evaluation();
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).gold() != null) {
                evaluation.add(targets.get(i).gold(), predictions.get(i).polarity());
            }
        }
        return evaluation;
    }

    private static void write(Path file, List<EvaluationTarget> targets, List<StancePrediction> predictions) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < targets.size(); i++) {
                    StancePrediction prediction = predictions.get(i);
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("Input.gid", targets.get(i).gid());
                    line.put("polarity", NewsMtscTarget.code(prediction.polarity()));
                    line.put("score", Math.round(prediction.score() * 10000) / 10000.0);
                    line.put("confidence", Math.round(prediction.confidence() * 10000) / 10000.0);
                    out.write(Json.mapper().writeValueAsString(line));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
