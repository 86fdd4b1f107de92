package org.stancewatch.analyze;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.stancewatch.analyze.stance.TargetStanceModel;
import org.stancewatch.analyze.stance.training.ArticleSplit;
import org.stancewatch.analyze.stance.training.EncodedTrainingData;
import org.stancewatch.analyze.stance.training.Evaluation;
import org.stancewatch.analyze.stance.training.ModelComparison;
import org.stancewatch.analyze.stance.training.NewsMtscReader;
import org.stancewatch.analyze.stance.training.NewsMtscScoring;
import org.stancewatch.analyze.stance.training.NewsMtscSentence;
import org.stancewatch.analyze.stance.training.StanceTraining;
import org.stancewatch.analyze.stance.training.TrainingReport;
import org.stancewatch.analyze.stance.training.TrainingSettings;
import org.stancewatch.analyze.stance.transformer.InputMode;
import org.stancewatch.analyze.stance.transformer.StanceInputs;

/**
 * The stance model's offline tools over NewsMTSC-format data: retraining model v1, encoding the
 * transformer's training input, and measuring models against labels.
 *
 * <p>Articles are held out by a stable hash of their key ({@code heldOutPercent} of them), the
 * same split in every tool, so that figures of different runs compare. Records of the stage's
 * data contract cross as they are: {@link TrainingSettings} in, {@link TrainingReport},
 * {@link EncodedTrainingData.Summary}, {@link ModelComparison.Result} and {@link Evaluation} out.
 * Progress goes to the {@code progress} lines given.
 */
public final class ModelTraining {

    /** A model's figures against a file's labels, with the version of the model that scored. */
    public record ModelScores(String modelVersion, Evaluation evaluation) {}

    private ModelTraining() {
    }

    /** Model v1 trained on the training articles of {@code data}, with its held-out figures. */
    public static TrainingReport trainV1(Path data, Path parseCache, int threads, int heldOutPercent,
                                         TrainingSettings settings, Consumer<String> progress) {
        return StanceTraining.train(StanceTraining.load(data, parseCache, threads, progress),
                new ArticleSplit(heldOutPercent), settings, progress);
    }

    /**
     * Writes {@code data}, and the {@code trainingOnly} files as training articles, as the
     * transformer's input: tokenized by {@code tokenizer} in {@code mode} ("pair" or "sentence"),
     * as the served model reads it.
     */
    public static EncodedTrainingData.Summary encode(Path data, List<Path> trainingOnly, Path tokenizer, String mode,
                                                     int maxTokens, int heldOutPercent, Path out,
                                                     Consumer<String> progress) {
        try (StanceInputs inputs = StanceInputs.open(tokenizer, InputMode.fromJson(mode), maxTokens)) {
            return EncodedTrainingData.write(data, trainingOnly, inputs, new ArticleSplit(heldOutPercent), out,
                    progress);
        }
    }

    /**
     * The chosen model ({@code v1}, {@code v2}, a folder or a file) on every target of
     * {@code data}, its predictions written to {@code predictions} unless that is null.
     */
    public static ModelScores scoreNewsMtsc(Path data, Path predictions, String modelChoice, int threads,
                                            Consumer<String> progress) {
        try (TargetStanceModel model = StanceModels.load(modelChoice)) {
            return new ModelScores(model.version(),
                    NewsMtscScoring.score(data, predictions, model, threads, progress));
        }
    }

    /** The chosen models side by side on the held-out articles of {@code data}, or on all its targets. */
    public static List<ModelComparison.Result> compare(Path data, int heldOutPercent, boolean allTargets,
                                                       List<String> modelChoices, int threads,
                                                       Consumer<String> progress) {
        ArticleSplit split = new ArticleSplit(heldOutPercent);
        List<NewsMtscSentence> sentences = NewsMtscReader.read(data).stream()
                .filter(sentence -> allTargets || split.isHeldOut(sentence.articleKey())).toList();
        progress.accept(String.format("%d sentences of %s (%s)", sentences.size(), data,
                allTargets ? "all" : "held-out articles, " + heldOutPercent + "%"));
        return ModelComparison.compare(sentences, modelChoices, StanceModels::load, threads, progress);
    }

    /** The results as a table, one model a row. */
    public static String table(List<ModelComparison.Result> results) {
        return ModelComparison.table(results);
    }
}
