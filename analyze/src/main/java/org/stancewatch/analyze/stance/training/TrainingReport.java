package org.stancewatch.analyze.stance.training;

import java.util.Locale;
import org.stancewatch.analyze.stance.LinearStanceModel;

/**
 * What a training run produced and measured.
 *
 * @param model          the model, trained on the training side of the split
 * @param heldOut        the model on the held-out articles
 * @param baseline       the RNTN sentence baseline on the same held-out targets
 * @param trainTargets   targets trained on
 * @param trainArticles  articles trained on
 * @param heldOutArticles articles held out
 */
public record TrainingReport(LinearStanceModel model, Evaluation heldOut, Evaluation baseline, int trainTargets,
                             int trainArticles, int heldOutArticles) {

    public String format() {
        return String.format(Locale.ROOT, "trained on %d targets from %d articles; held out %d articles (%d targets)%n",
                trainTargets, trainArticles, heldOutArticles, heldOut.count())
                + heldOut.format("stance model, held out")
                + baseline.format("RNTN sentence baseline, same held-out targets")
                + String.format(Locale.ROOT, "model: %d features, cross-validated macro-F1 on the training side %s%n",
                model.featureCount(), model.metadata().get("crossValidated.macroF1"));
    }
}
