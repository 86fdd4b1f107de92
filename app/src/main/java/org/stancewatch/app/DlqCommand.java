package org.stancewatch.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.stancewatch.app.dlq.DeadLetterKafkaTopics;
import org.stancewatch.app.dlq.DeadLetterReplay;
import org.stancewatch.app.dlq.DeadLetterSelection;
import org.stancewatch.app.dlq.ReasonCatalog;
import org.stancewatch.app.dlq.StoredDeadLetter;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stancewatch dlq}: what the stages could not process, why, and sending it again. */
@Command(name = "dlq",
        mixinStandardHelpOptions = true,
        header = "Lists, explains and replays dead letters: what a stage could not process, and why.",
        description = {
            "Each stage writes what it cannot process to its dead-letter topic (stancewatch.ingest.dlq, "
                    + "stancewatch.analyze.dlq, stancewatch.index.dlq, stancewatch.notify.dlq) with a reason code, a message and the input. "
                    + "'explain' counts them by stage and reason and says what each reason means; 'list' shows them; "
                    + "'replay' sends analyze and index dead letters back to the topics they came from once the cause "
                    + "is fixed (safe to repeat: every stage writes by record id).",
            "",
            "Uses KAFKA_BOOTSTRAP_SERVERS (and KAFKA_CLIENT_PROPERTIES)."
        },
        subcommands = {DlqCommand.Explain.class, DlqCommand.ListLetters.class, DlqCommand.Replay.class})
final class DlqCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: explain, list or replay");
    }

    /** The options that choose dead letters, shared by the three commands. */
    static final class Selection {
        @Option(names = "--stage", paramLabel = "STAGE", description = "only this stage's: ingest, analyze or index "
                + "(repeatable)")
        List<String> stages = new ArrayList<>();

        @Option(names = "--reason", paramLabel = "CODE", description = "only this reason, e.g. scoring-timeout "
                + "(repeatable)")
        List<String> reasons = new ArrayList<>();

        @Option(names = "--since", paramLabel = "TIME", converter = TimeConverter.class,
                description = "only those that failed at or after: 2026, 2026-12, 2026-12-04 or an ISO time")
        Instant since;

        @Option(names = "--until", paramLabel = "TIME", converter = TimeConverter.class,
                description = "only those that failed before this time")
        Instant until;

        DeadLetterSelection selection() {
            for (String stage : stages) {
                if (!Set.of("ingest", "analyze", "index", "notify").contains(stage)) {
                    throw new IllegalArgumentException("--stage " + stage + " is not a stage: use ingest, analyze, "
                            + "index or notify");
                }
            }
            return new DeadLetterSelection(new LinkedHashSet<>(stages), new LinkedHashSet<>(reasons), since, until);
        }

        List<StoredDeadLetter> read() {
            return new DeadLetterKafkaTopics(ClusterSettings.kafka()).read(selection());
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Counts dead letters by stage and reason, with when they happened and what each reason means.")
    static final class Explain implements Callable<Integer> {
        @Mixin
        Selection selection;

        @Override
        public Integer call() {
            List<StoredDeadLetter> letters = selection.read();
            if (letters.isEmpty()) {
                System.out.println("No dead letters.");
                return 0;
            }
            Map<String, List<StoredDeadLetter>> byReason = new TreeMap<>();
            letters.forEach(stored -> byReason.computeIfAbsent(stored.letter().stage() + " " + stored.letter().reason(),
                    key -> new ArrayList<>()).add(stored));
            System.out.printf("%,d dead letters%n%n", letters.size());
            byReason.forEach((stageAndReason, group) -> {
                String stage = group.getFirst().letter().stage();
                String reason = group.getFirst().letter().reason();
                Instant first = group.stream().map(s -> s.letter().failedAt()).min(Instant::compareTo).orElseThrow();
                Instant last = group.stream().map(s -> s.letter().failedAt()).max(Instant::compareTo).orElseThrow();
                long replayable = group.stream().filter(s -> DeadLetterReplay.whyNotReplayable(s) == null).count();
                System.out.printf("%-8s %-28s %,6d  %s .. %s%s%n         %s%n         e.g. %s: %s%n%n", stage, reason,
                        group.size(), first, last, replayable > 0 ? "  (" + replayable + " replayable)" : "",
                        ReasonCatalog.meaning(stage, reason), group.getLast().letter().subject(),
                        group.getLast().letter().message());
            });
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists dead letters, oldest first per stage: when, stage, reason, what failed and why.")
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        Selection selection;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                description = "at most the N newest (default: ${DEFAULT-VALUE}; 0 for all)")
        int limit;

        @Option(names = "--json", description = "print the dead letters as JSON, payloads included")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<StoredDeadLetter> letters = selection.read();
            List<StoredDeadLetter> shown = limit > 0 && letters.size() > limit
                    ? letters.subList(letters.size() - limit, letters.size()) : letters;
            if (json) {
                var array = Json.mapper().createArrayNode();
                shown.forEach(stored -> array.add(Codecs.DEAD_LETTER.toTree(stored.letter())));
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
                return 0;
            }
            for (StoredDeadLetter stored : shown) {
                System.out.printf("%s  %-7s %-26s %s%n    %s%n", stored.letter().failedAt(), stored.letter().stage(),
                        stored.letter().reason(), stored.letter().subject(), stored.letter().message());
            }
            System.out.printf("%d of %d dead letters%n", shown.size(), letters.size());
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Sends analyze and index dead letters back to the topics they came from, under their "
                    + "original keys, for their stage to process again. Fix the cause first (see 'explain'); choose "
                    + "which with --stage, --reason, --since and --until. Ingest dead letters name pages, not records: "
                    + "the crawler retries pages by its retry policy."})
    static final class Replay implements Callable<Integer> {
        @Mixin
        Selection selection;

        @Option(names = "--dry-run", description = "say what would be sent, send nothing")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            List<StoredDeadLetter> letters = selection.read();
            if (dryRun) {
                int replayable = 0;
                for (StoredDeadLetter stored : letters) {
                    String why = DeadLetterReplay.whyNotReplayable(stored);
                    if (why == null) {
                        replayable++;
                        System.out.printf("would send %s (%s) to %s%n", stored.where(), stored.letter().reason(),
                                stored.sourceTopic().orElseThrow());
                    } else {
                        System.out.printf("would skip %s: %s%n", stored.where(), why);
                    }
                }
                System.out.printf("%d of %d dead letters would be replayed%n", replayable, letters.size());
                return 0;
            }
            DeadLetterReplay.Outcome outcome = new DeadLetterReplay(ClusterSettings.kafka()).replay(letters);
            outcome.skipped().forEach(line -> System.out.println("skipped " + line));
            System.out.printf("replayed %d of %d dead letters%n", outcome.sent(), letters.size());
            return 0;
        }
    }
}
