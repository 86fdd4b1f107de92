package org.stancewatch.analyze.stance.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.stance.training.ArticleSplit;
import org.stancewatch.analyze.stance.training.Evaluation;
import org.stancewatch.analyze.stance.training.EvaluationTarget;
import org.stancewatch.analyze.stance.training.NewsMtscReader;
import org.stancewatch.analyze.stance.training.NewsMtscScoring;
import org.stancewatch.analyze.stance.training.NewsMtscSentence;

/**
 * The shipped v2 model against NewsMTSC's held-out articles: its figure must not fall below what
 * its model card records. Needs the shared development data (skipped without it); no CoreNLP, so
 * it takes seconds.
 */
class TransformerStanceModelRegressionIT {

    /** How far the figure may move: ONNX Runtime versions may round a few answers differently. */
    private static final double MARGIN = 0.01;

    @Test
    void heldOutMacroF1StaysAtWhatTheShippedModelReached() {
        Path data = Path.of(System.getProperty("stancewatch.shared.data", "../../shared/data"), "newsmtsc", "train.jsonl");
        assumeTrue(Files.isRegularFile(data), "NewsMTSC training data not found at " + data
                + ": the stance model regression test needs ../shared/data (not part of the repository)");
        try (TransformerStanceModel model = TransformerStanceModel.loadDefault(TransformerSettings.DEFAULT.withThreads(2))) {
            ModelDescription description = model.description();
            ArticleSplit split = new ArticleSplit(description.heldOut().get("heldOutPercent").intValue());
            List<NewsMtscSentence> heldOut = NewsMtscReader.read(data).stream()
                    .filter(sentence -> split.isHeldOut(sentence.articleKey())).toList();
            List<EvaluationTarget> targets = NewsMtscScoring.targets(heldOut, null);

            Evaluation figures = NewsMtscScoring.evaluate(targets, NewsMtscScoring.predict(model, targets, message -> { }));
            System.out.print(figures.format(model.version() + ", held out"));

            assertThat(figures.count()).isEqualTo(description.heldOut().get("targets").longValue());
            assertThat(figures.macroF1()).isGreaterThanOrEqualTo(description.heldOut().get("macroF1") - MARGIN);
        }
    }
}
