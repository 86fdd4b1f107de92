package org.stancewatch.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.stancewatch.analyze.ModelTraining;
import org.stancewatch.analyze.StanceScoring;
import org.stancewatch.analyze.stance.ArticleAnalysis;
import org.stancewatch.model.Mention;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stancewatch stance}: the stance scorer on a text, a file, or a labelled NewsMTSC file. */
@Command(name = "stance",
        mixinStandardHelpOptions = true,
        header = "Scores the stance a text takes toward the tracked actors, or evaluates the model.",
        description = {
            "With --text or --file: finds the actors of actors.yml in the text, and prints each mention with "
                    + "its actor, holder (whose view it is; '-' for the outlet's own voice), quoted or not, topics, "
                    + "score in [-1, 1], polarity, confidence and the evidence sentence.",
            "",
            "With --newsmtsc: scores the given targets of a file in NewsMTSC's JSON-lines format (the "
                    + "targets' character spans are taken as given, not detected) and prints accuracy and "
                    + "macro-F1 where the file has labels; --out writes one JSON line per target with its "
                    + "Input.gid, the predicted polarity in the data set's coding (2.0 negative, 4.0 neutral, "
                    + "6.0 positive), the score and the confidence.",
            "",
            "--model chooses the stance model: v2 (default), the fine-tuned transformer; v1, the linear model "
                    + "over CoreNLP's parse and sentiment, kept for comparison ('stance evaluate' measures both).",
            "",
            "Loading CoreNLP takes 10-20 s and about 2 GB of memory."
        },
        subcommands = {StanceTrainCommand.class, StanceEncodeCommand.class, StanceEvaluateCommand.class})
final class StanceCommand implements Callable<Integer> {

    // Optional here so that "stance train" needs none of these; call() insists on one.
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Input input;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class Input {
        @Option(names = "--text", paramLabel = "TEXT", description = "the text to score")
        String text;

        @Option(names = "--file", paramLabel = "FILE", description = "a UTF-8 text file to score")
        Path file;

        @Option(names = "--newsmtsc", paramLabel = "FILE.jsonl",
                description = "a NewsMTSC-format file whose targets to score and evaluate")
        Path newsmtsc;
    }

    @Option(names = "--out", paramLabel = "FILE.jsonl", description = "with --newsmtsc: write one prediction per target here")
    Path out;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "publication date of the text: decides which office a person held (default: today)")
    LocalDate date = LocalDate.now();

    @Option(names = "--language", paramLabel = "CODE", defaultValue = "en",
            description = "ISO 639-1 language of the text; only English is scored (default: ${DEFAULT-VALUE})")
    String language;

    @Mixin
    ScorerFiles scorerFiles;

    @Option(names = "--threads", paramLabel = "N", description = "with --newsmtsc: parsing threads (default: the CPU count)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        PrintStream stdout = System.out;
        if (input == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give one of --text, --file or --newsmtsc (or a subcommand: train, encode, evaluate)");
        }
        if (out != null && input.newsmtsc == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--out goes with --newsmtsc");
        }
        if (input.newsmtsc != null) {
            ModelTraining.ModelScores scores = ModelTraining.scoreNewsMtsc(input.newsmtsc, out,
                    scorerFiles.modelChoice(), threads, System.err::println);
            if (scores.evaluation().count() > 0) {
                stdout.print(scores.evaluation().format(scores.modelVersion() + " on " + input.newsmtsc));
            } else {
                stdout.println("the file has no labels: nothing to measure");
            }
            if (out != null) {
                stdout.println("predictions written to " + out);
            }
            return 0;
        }
        String text = input.text != null ? input.text : Files.readString(input.file, StandardCharsets.UTF_8);
        String origin = input.file != null ? input.file.toString() : "text";
        try (StanceScoring scorer = scorerFiles.scorer()) {
            ArticleAnalysis analysis = scorer.analyze(text, origin, date, language);
            print(analysis, stdout);
        }
        return 0;
    }

    static void print(ArticleAnalysis analysis, PrintStream out) {
        if (analysis.mentions().isEmpty()) {
            out.println("no mentions of tracked actors");
        }
        int sentence = -1;
        for (Mention mention : analysis.mentions()) {
            if (mention.sentenceIndex() != sentence) {
                sentence = mention.sentenceIndex();
                out.printf("%nsentence %d: %s%n", sentence, mention.sentence());
            }
            out.printf(Locale.ROOT, "  %-16s %-8s score %+.2f  confidence %.2f  holder %-10s %s topics %s  (\"%s\")%n",
                    mention.actor(), mention.polarity().json(), mention.score(), mention.confidence(),
                    mention.hasHolder() ? mention.holder() : "-", mention.quoted() ? "quoted  " : "unquoted",
                    mention.topics().isEmpty() ? "-" : String.join(",", mention.topics()), mention.surface());
        }
        out.println();
        out.println("article topics: " + (analysis.topics().isEmpty() ? "-" : String.join(", ", analysis.topics())));
        List<String> notes = analysis.notes();
        notes.forEach(note -> out.println("note: " + note));
    }
}
