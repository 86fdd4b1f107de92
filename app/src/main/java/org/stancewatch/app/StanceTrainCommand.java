package org.stancewatch.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stancewatch.analyze.ModelTraining;
import org.stancewatch.analyze.stance.training.TrainingReport;
import org.stancewatch.analyze.stance.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch stance train}: retrains stance model v1 reproducibly and prints its figures. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        header = "Retrains stance model v1 (the linear model) on NewsMTSC-format data and prints its held-out figures.",
        description = {
            "Parses every sentence with CoreNLP (a few minutes for NewsMTSC's 7,758 sentences; --cache keeps "
                    + "the parses for the next run), holds out a fixed share of the ARTICLES (never single "
                    + "sentences; the article is the middle numbers of primary_gid), trains CoreNLP's log-linear "
                    + "classifier on the rest, and prints macro-F1, accuracy and per-class precision and recall on "
                    + "the held-out articles, next to CoreNLP's RNTN sentence sentiment on the same targets.",
            "",
            "Nothing is random: the same data and settings give the same model, byte for byte. The defaults "
                    + "are those of the shipped model; to replace it, write to "
                    + "analyze/src/main/resources/org/stancewatch/analyze/stance/stance-model.tsv.gz.",
            "",
            "Stance model v2, the default, is a fine-tuned transformer: bin/train-stance-model retrains it "
                    + "(PyTorch; see docs/stance-model.md)."
        })
final class StanceTrainCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE.jsonl", required = true,
            description = "training data in NewsMTSC's format, e.g. ../shared/data/newsmtsc/train.jsonl")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "stance-model.tsv.gz",
            description = "where to write the model (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--cache", paramLabel = "FILE", description = "keep the CoreNLP parses here and reuse them")
    Path cache;

    @Option(names = "--held-out-percent", paramLabel = "N", defaultValue = "20",
            description = "share of articles held out for the figures (default: ${DEFAULT-VALUE})")
    int heldOutPercent;

    @Option(names = "--sigma", paramLabel = "S", description = "L2 prior sigma (default: 0.25)")
    double sigma = TrainingSettings.DEFAULT.sigma();

    @Option(names = "--min-feature-count", paramLabel = "N",
            description = "drop features seen in fewer training targets (default: 3)")
    int minFeatureCount = TrainingSettings.DEFAULT.minFeatureCount();

    @Option(names = "--folds", paramLabel = "N", description = "cross-validation folds for the class offsets (default: 5)")
    int folds = TrainingSettings.DEFAULT.folds();

    @Option(names = "--threads", paramLabel = "N", description = "parsing threads (default: the CPU count)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        TrainingReport report = ModelTraining.trainV1(data, cache, threads, heldOutPercent,
                new TrainingSettings(sigma, minFeatureCount, folds), System.err::println);
        report.model().write(out);
        System.out.print(report.format());
        System.out.println("model written to " + out + " (id " + report.model().id() + ")");
        return 0;
    }
}
