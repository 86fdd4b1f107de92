package org.stancewatch.analyze.stance.training;

/**
 * How the stance model is trained.
 *
 * @param sigma           the Gaussian prior's sigma (L2 regularisation; smaller is stronger)
 * @param minFeatureCount a feature seen in fewer training targets is dropped (keeps the model small)
 * @param folds           cross-validation folds, split by article, used to tune the class offsets
 */
public record TrainingSettings(double sigma, int minFeatureCount, int folds) {

    /** The settings of the shipped model. */
    public static final TrainingSettings DEFAULT = new TrainingSettings(0.25, 3, 5);

    public TrainingSettings {
        if (sigma <= 0 || minFeatureCount < 1 || folds < 2) {
            throw new IllegalArgumentException("sigma must be > 0, minFeatureCount >= 1 and folds >= 2");
        }
    }
}
