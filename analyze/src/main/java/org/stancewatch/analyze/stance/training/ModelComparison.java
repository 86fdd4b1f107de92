package org.stancewatch.analyze.stance.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.analyze.stance.StancePrediction;
import org.stancewatch.analyze.stance.TargetStanceModel;
import org.stancewatch.model.Polarity;

/**
 * Several stance models on the same labelled targets in one run ({@code stancewatch stance
 * evaluate}): the held-out articles of a NewsMTSC-format file by default, so that v1 and v2 (and
 * v2 before and after int8) are compared on exactly the same targets. The sentences are parsed
 * once, and only if a model reads parses.
 */
public final class ModelComparison {

    private ModelComparison() {
    }

    /** One model's figures: the evaluation, and how fast it scored (parsing not counted). */
    public record Result(String choice, String version, Evaluation evaluation, double seconds) {

        public double targetsPerSecond() {
            return seconds == 0 ? 0 : evaluation.count() / seconds;
        }
    }

    /**
     * Each model on the targets of {@code sentences}; {@code load} turns a choice ("v1", a folder,
     * ...) into a model, which is closed after its run.
     */
    public static List<Result> compare(List<NewsMtscSentence> sentences, List<String> choices,
                                       Function<String, TargetStanceModel> load, int threads,
                                       Consumer<String> progress) {
        List<Result> results = new ArrayList<>();
        List<ParsedSentence> parses = null;
        for (String choice : choices) {
            try (TargetStanceModel model = load.apply(choice)) {
                if (model.readsParses() && parses == null) {
                    parses = NewsMtscScoring.parseIfNeeded(sentences, model, threads, progress);
                }
                List<EvaluationTarget> targets = NewsMtscScoring.targets(sentences, model.readsParses() ? parses : null);
                long started = System.nanoTime();
                List<StancePrediction> predictions = NewsMtscScoring.predict(model, targets, progress);
                double seconds = (System.nanoTime() - started) / 1e9;
                Result result = new Result(choice, model.version(), NewsMtscScoring.evaluate(targets, predictions), seconds);
                progress.accept(String.format(Locale.ROOT, "%s: macro-F1 %.3f", model.version(),
                        result.evaluation().macroF1()));
                results.add(result);
            }
        }
        return results;
    }

    /** A table of the results, one model a row: macro-F1, accuracy, per-class precision and recall, speed. */
    public static String table(List<Result> results) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-44s %8s %8s  %-11s %-11s %-11s %9s%n", "model", "macro-F1",
                "accuracy", "negative", "neutral", "positive", "targets/s"));
        text.append(String.format(Locale.ROOT, "%-44s %8s %8s  %-11s %-11s %-11s %9s%n", "", "", "", "prec/rec",
                "prec/rec", "prec/rec", ""));
        for (Result result : results) {
            Evaluation e = result.evaluation();
            text.append(String.format(Locale.ROOT, "%-44s %8.3f %8.3f  %-11s %-11s %-11s %9.1f%n",
                    label(result), e.macroF1(), e.accuracy(), classFigures(e, Polarity.NEGATIVE),
                    classFigures(e, Polarity.NEUTRAL), classFigures(e, Polarity.POSITIVE), result.targetsPerSecond()));
        }
        if (!results.isEmpty()) {
            text.append(String.format(Locale.ROOT, "(%d targets each; targets/s is the model's own time: a model that "
                    + "reads parses also needs CoreNLP's, not counted here)%n", results.getFirst().evaluation().count()));
        }
        return text.toString();
    }

    /** The version, after the name the user gave when it was a short one (v1, v2) rather than a path. */
    private static String label(Result result) {
        String choice = result.choice();
        return choice.length() <= 4 && !choice.contains("/") ? choice + " " + result.version() : result.version();
    }

    private static String classFigures(Evaluation evaluation, Polarity polarity) {
        return String.format(Locale.ROOT, "%.3f/%.3f", evaluation.precision(polarity), evaluation.recall(polarity));
    }
}
