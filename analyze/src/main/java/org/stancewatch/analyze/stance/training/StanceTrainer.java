package org.stancewatch.analyze.stance.training;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.stancewatch.analyze.stance.LinearStanceModel;
import org.stancewatch.analyze.stance.StanceFeatures;
import org.stancewatch.model.Polarity;

/**
 * Trains the stance model with CoreNLP's log-linear classifier (maximum entropy, L2 prior,
 * quasi-Newton). Nothing in it is random: the same targets in the same order give the same
 * weights. The per-class offsets that turn probabilities into the class with the best macro-F1
 * are tuned on out-of-fold predictions, with folds split by article.
 */
public final class StanceTrainer {

    private static final Polarity[] CLASSES = Polarity.values();

    private final TrainingSettings settings;
    private final Consumer<String> progress;

    public StanceTrainer(TrainingSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** A model trained on all of {@code targets}, with offsets tuned by cross-validation on them. */
    public LinearStanceModel train(List<LabelledTarget> targets) {
        List<Counter<String>> features = new ArrayList<>(targets.size());
        for (LabelledTarget target : targets) {
            features.add(StanceFeatures.extract(target.sentence(), target.tokenFrom(), target.tokenTo()));
        }
        double[][] outOfFold = new double[targets.size()][];
        for (int fold = 0; fold < settings.folds(); fold++) {
            List<Integer> trainIdx = new ArrayList<>();
            List<Integer> testIdx = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                boolean test = ArticleSplit.bucket(targets.get(i).articleKey()) % settings.folds() == fold;
                (test ? testIdx : trainIdx).add(i);
            }
            LinearStanceModel foldModel = fit(features, targets, trainIdx, Map.of());
            for (int i : testIdx) {
                outOfFold[i] = foldModel.probabilities(features.get(i));
            }
            progress.accept(String.format(Locale.ROOT, "cross-validation fold %d of %d done", fold + 1, settings.folds()));
        }
        double[] offsets = tuneOffsets(outOfFold, targets);
        Evaluation crossValidated = evaluate(outOfFold, offsets, targets);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            all.add(i);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("features", StanceFeatures.VERSION);
        metadata.put("classifier", "CoreNLP LinearClassifier (maxent, L2 prior, QN)");
        metadata.put("sigma", Double.toString(settings.sigma()));
        metadata.put("minFeatureCount", Integer.toString(settings.minFeatureCount()));
        metadata.put("folds", Integer.toString(settings.folds()));
        metadata.put("trainingTargets", Integer.toString(targets.size()));
        metadata.put("crossValidated.macroF1", format(crossValidated.macroF1()));
        LinearStanceModel model = fit(features, targets, all, metadata);
        return model.withOffsets(offsets, Map.of());
    }

    private LinearStanceModel fit(List<Counter<String>> features, List<LabelledTarget> targets, List<Integer> indexes,
                            Map<String, String> metadata) {
        Map<String, Integer> frequency = new HashMap<>();
        for (int i : indexes) {
            for (String feature : features.get(i).keySet()) {
                frequency.merge(feature, 1, Integer::sum);
            }
        }
        RVFDataset<Polarity, String> dataset = new RVFDataset<>();
        for (int i : indexes) {
            Counter<String> kept = new ClassicCounter<>();
            for (Map.Entry<String, Double> feature : features.get(i).entrySet()) {
                if (frequency.get(feature.getKey()) >= settings.minFeatureCount()) {
                    kept.setCount(feature.getKey(), feature.getValue());
                }
            }
            dataset.add(new RVFDatum<>(kept, targets.get(i).gold()));
        }
        LinearClassifierFactory<Polarity, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(settings.sigma());
        factory.useQuasiNewton();
        factory.setVerbose(false);
        LinearClassifier<Polarity, String> classifier = factory.trainClassifier(dataset);
        Map<Polarity, Counter<String>> byClass = classifier.weightsAsMapOfCounters();
        Map<String, double[]> weights = new HashMap<>();
        for (String feature : classifier.features()) {
            double[] row = new double[CLASSES.length];
            boolean any = false;
            for (int c = 0; c < CLASSES.length; c++) {
                Counter<String> classWeights = byClass.get(CLASSES[c]);
                row[c] = classWeights == null ? 0 : classWeights.getCount(feature);
                any |= Math.abs(row[c]) >= 1e-4;
            }
            if (any) {
                weights.put(feature, row);
            }
        }
        return new LinearStanceModel(weights, new double[CLASSES.length], metadata);
    }

    /** Offsets for negative and positive (neutral stays 0) that give the best out-of-fold macro-F1. */
    private static double[] tuneOffsets(double[][] probabilities, List<LabelledTarget> targets) {
        double[] best = new double[CLASSES.length];
        double bestF1 = -1;
        for (int neg = -20; neg <= 20; neg++) {
            for (int pos = -20; pos <= 20; pos++) {
                double[] offsets = {neg * 0.05, 0, pos * 0.05};
                double f1 = evaluate(probabilities, offsets, targets).macroF1();
                // Ties go to the smaller adjustment, so that the result does not depend on scan order.
                if (f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    best = offsets;
                }
            }
        }
        return best;
    }

    private static Evaluation evaluate(double[][] probabilities, double[] offsets, List<LabelledTarget> targets) {
        Evaluation evaluation = new Evaluation();
        for (int i = 0; i < targets.size(); i++) {
            evaluation.add(targets.get(i).gold(), argmaxWithOffsets(probabilities[i], offsets));
        }
        return evaluation;
    }

    static Polarity argmaxWithOffsets(double[] probabilities, double[] offsets) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES.length; c++) {
            double score = Math.log(Math.max(probabilities[c], 1e-12)) + offsets[c];
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return CLASSES[best];
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
