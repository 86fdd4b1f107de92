package org.stancewatch.analyze.stance.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.stancewatch.analyze.nlp.NlpPipeline;
import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.analyze.stance.LinearStanceModel;
import org.stancewatch.model.Polarity;

/**
 * The whole training run behind {@code stancewatch stance train}: read a NewsMTSC-format file,
 * parse it (or take the parses from a cache), split it by article, train on one side, and measure
 * the model and the RNTN baseline on the other. The held-out figures are written into the model's
 * header, where the regression test finds them.
 */
public final class StanceTraining {

    private StanceTraining() {
    }

    /** Parses {@code data} (through {@code cache} when given) into labelled targets. */
    public static List<LabelledTarget> load(Path data, Path cache, int threads, Consumer<String> progress) {
        List<NewsMtscSentence> sentences = NewsMtscReader.read(data);
        progress.accept(sentences.size() + " sentences read from " + data);
        List<ParsedSentence> parsed = ParsedCorpus.readCache(cache, data, sentences.size());
        if (parsed == null) {
            progress.accept("parsing with CoreNLP (a few minutes; use --cache FILE to do this only once) ...");
            parsed = ParsedCorpus.parse(sentences, NlpPipeline.forSingleSentences(), threads, progress);
            if (cache != null) {
                ParsedCorpus.writeCache(cache, data, parsed);
                progress.accept("parses cached in " + cache);
            }
        } else {
            progress.accept("parses taken from the cache " + cache);
        }
        List<LabelledTarget> targets = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            targets.addAll(LabelledTarget.of(sentences.get(i), parsed.get(i)));
        }
        return targets;
    }

    public static TrainingReport train(List<LabelledTarget> targets, ArticleSplit split, TrainingSettings settings,
                                       Consumer<String> progress) {
        List<LabelledTarget> train = new ArrayList<>();
        List<LabelledTarget> heldOut = new ArrayList<>();
        Set<String> trainArticles = new HashSet<>();
        Set<String> heldOutArticles = new HashSet<>();
        for (LabelledTarget target : targets) {
            if (target.gold() == null) {
                continue;
            }
            if (split.isHeldOut(target.articleKey())) {
                heldOut.add(target);
                heldOutArticles.add(target.articleKey());
            } else {
                train.add(target);
                trainArticles.add(target.articleKey());
            }
        }
        progress.accept(String.format(Locale.ROOT, "training on %d targets, holding out %d", train.size(), heldOut.size()));
        LinearStanceModel model = new StanceTrainer(settings, progress).train(train);
        Evaluation modelFigures = evaluate(model, heldOut);
        Evaluation baseline = new Evaluation();
        for (LabelledTarget target : heldOut) {
            baseline.add(target.gold(), RntnBaseline.predict(target.sentence()));
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("split.heldOutPercent", Integer.toString(split.heldOutPercent()));
        figures.put("heldout.targets", Long.toString(modelFigures.count()));
        figures.put("heldout.macroF1", String.format(Locale.ROOT, "%.4f", modelFigures.macroF1()));
        figures.put("heldout.accuracy", String.format(Locale.ROOT, "%.4f", modelFigures.accuracy()));
        figures.put("baseline.macroF1", String.format(Locale.ROOT, "%.4f", baseline.macroF1()));
        figures.put("baseline.accuracy", String.format(Locale.ROOT, "%.4f", baseline.accuracy()));
        LinearStanceModel withFigures = model.withOffsets(offsets(model), figures);
        return new TrainingReport(withFigures, modelFigures, baseline, train.size(), trainArticles.size(),
                heldOutArticles.size());
    }

    /** The model's predictions for labelled targets, against their labels. */
    public static Evaluation evaluate(LinearStanceModel model, List<LabelledTarget> targets) {
        Evaluation evaluation = new Evaluation();
        for (LabelledTarget target : targets) {
            if (target.gold() != null) {
                evaluation.add(target.gold(), model.predict(org.stancewatch.analyze.stance.StanceFeatures.extract(
                        target.sentence(), target.tokenFrom(), target.tokenTo())).polarity());
            }
        }
        return evaluation;
    }

    private static double[] offsets(LinearStanceModel model) {
        double[] offsets = new double[Polarity.values().length];
        for (Polarity polarity : Polarity.values()) {
            offsets[polarity.ordinal()] = Double.parseDouble(model.metadata().getOrDefault("offset." + polarity.json(), "0"));
        }
        return offsets;
    }
}
