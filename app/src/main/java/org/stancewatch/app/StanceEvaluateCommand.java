package org.stancewatch.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancewatch.analyze.ModelTraining;
import org.stancewatch.analyze.stance.training.Evaluation;
import org.stancewatch.analyze.stance.training.ModelComparison.Result;
import org.stancewatch.model.Polarity;
import org.stancewatch.model.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch stance evaluate}: stance models side by side on the same held-out targets. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        header = "Measures stance models side by side on the same labelled targets.",
        description = {
            "Scores the targets of a NewsMTSC-format file with each --model in turn and prints macro-F1, "
                    + "accuracy, per-class precision and recall, and targets per second. By default only the "
                    + "held-out articles count (the split every trainer here holds out: the CRC-32 of the article "
                    + "key, modulo 100, below --held-out-percent), so a model is never measured on what it "
                    + "was trained on. CoreNLP parses the sentences once, and only when a v1 model is asked for "
                    + "(a few minutes)."
        })
final class StanceEvaluateCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE.jsonl", required = true,
            description = "labelled data in NewsMTSC's format, e.g. ../shared/data/newsmtsc/train.jsonl")
    Path data;

    @Option(names = "--model", paramLabel = "MODEL", split = ",", defaultValue = "v1,v2",
            description = "models to compare, in order: v1, v2, a v2 model folder or a v1 model file "
                    + "(default: ${DEFAULT-VALUE})")
    List<String> models;

    @Option(names = "--held-out-percent", paramLabel = "N", defaultValue = "20",
            description = "the held-out share of articles (default: ${DEFAULT-VALUE})")
    int heldOutPercent;

    @Option(names = "--all", description = "score every target of the file, not only the held-out articles "
            + "(for a file that no model was trained on)")
    boolean all;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures here as JSON")
    Path json;

    @Option(names = "--threads", paramLabel = "N", description = "CoreNLP parsing threads (default: the CPU count)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        List<Result> results = ModelTraining.compare(data, heldOutPercent, all, models, threads,
                System.err::println);
        System.out.print(ModelTraining.table(results));
        if (json != null) {
            Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(asJson(results)) + "\n", StandardCharsets.UTF_8);
            System.out.println("figures written to " + json);
        }
        return 0;
    }

    private Map<String, Object> asJson(List<Result> results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", data.toString());
        root.put("heldOutPercent", all ? 100 : heldOutPercent);
        root.put("models", results.stream().map(StanceEvaluateCommand::asJson).toList());
        return root;
    }

    private static Map<String, Object> asJson(Result result) {
        Evaluation e = result.evaluation();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("model", result.choice());
        model.put("version", result.version());
        model.put("targets", e.count());
        model.put("macroF1", round(e.macroF1()));
        model.put("accuracy", round(e.accuracy()));
        for (Polarity polarity : Polarity.values()) {
            model.put(polarity.json(), Map.of("precision", round(e.precision(polarity)),
                    "recall", round(e.recall(polarity)), "f1", round(e.f1(polarity))));
        }
        model.put("targetsPerSecond", Math.round(result.targetsPerSecond() * 10) / 10.0);
        return model;
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
