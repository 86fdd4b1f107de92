package org.stancewatch.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stancewatch.analyze.ModelTraining;
import org.stancewatch.analyze.stance.training.EncodedTrainingData.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch stance encode}: the transformer's training input, laid out as the model is served. */
@Command(name = "encode",
        mixinStandardHelpOptions = true,
        header = "Encodes NewsMTSC-format data as the stance transformer's training input.",
        description = {
            "A step of the training recipe (bin/train-stance-model runs it): cuts each sentence into the "
                    + "tokenizer's word pieces and lays them out exactly as the served model reads them "
                    + "(--mode, --max-tokens), marks each target's pieces and label, and flags the held-out "
                    + "articles (the same split as 'stance evaluate'). Writes one JSON line per input sequence."
        })
final class StanceEncodeCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE.jsonl", required = true,
            description = "labelled data in NewsMTSC's format, e.g. ../shared/data/newsmtsc/train.jsonl")
    Path data;

    @Option(names = "--train-only", paramLabel = "FILE.jsonl",
            description = "more labelled data in the same format, always on the training side (repeatable)")
    List<Path> trainOnly = new ArrayList<>();

    @Option(names = "--tokenizer", paramLabel = "FILE", required = true,
            description = "the base model's tokenizer.json")
    Path tokenizer;

    @Option(names = "--mode", paramLabel = "pair|sentence", defaultValue = "sentence",
            description = "input layout: one sequence per target (pair) or per sentence (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "128",
            description = "longest sequence, special pieces included (default: ${DEFAULT-VALUE})")
    int maxTokens;

    @Option(names = "--held-out-percent", paramLabel = "N", defaultValue = "20",
            description = "share of articles held out for the figures (default: ${DEFAULT-VALUE})")
    int heldOutPercent;

    @Option(names = "--out", paramLabel = "FILE.jsonl", required = true, description = "where to write the encoded data")
    Path out;

    @Override
    public Integer call() {
        Summary summary = ModelTraining.encode(data, trainOnly, tokenizer, mode, maxTokens,
                heldOutPercent, out, System.err::println);
        System.out.printf("%d sequences, %d targets (%d held out), %d skipped, written to %s%n",
                summary.sequences(), summary.targets(), summary.heldOutTargets(), summary.skippedTargets(), out);
        return 0;
    }
}
