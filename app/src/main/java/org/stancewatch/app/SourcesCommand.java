package org.stancewatch.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.common.errors.TimeoutException;
import org.stancewatch.app.sources.SourceStatusReader;
import org.stancewatch.app.sources.SourceTable;
import org.stancewatch.app.sources.StoredStatus;
import org.stancewatch.ingest.IngestStage;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.source.SourcesException;
import org.stancewatch.model.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stancewatch sources}: how each crawled source is doing. Listing is the default action
 * and the {@code list} subcommand; {@code check} visits the sources now ({@link SourcesCheckCommand}).
 */
@Command(name = "sources",
        mixinStandardHelpOptions = true,
        header = "Shows how each source is doing: its health, last success, last article, failures and next visit.",
        description = {
            "After each visit of a source the crawler judges its health and publishes its status on the compacted "
                    + "topic stancewatch.sources. This command reads that topic to its end and prints one row per "
                    + "source: health, when discovery last worked, when it last yielded a new article, new articles "
                    + "per day and failed fetches over the health window (7 days by default), when it is visited next, "
                    + "and what is wrong. Sources of the sources file that were never visited are shown as 'not "
                    + "visited yet'; a record that cannot be read is shown as 'unreadable status' with the reason.",
            "",
            "Health: ok; silent (no new article for several times its usual gap); failing (its fetches or dead "
                    + "letters jumped); robots-disallowed (robots.txt refuses one of its feeds, sitemaps or section "
                    + "pages); blocked (most of its fetches met a bot challenge or a consent wall); discovery-gone "
                    + "(one of them answered 404/410 or was unreadable on 2 visits in a row). "
                    + "The rules and their settings (crawler.health in sources.yml) are in docs/source-health.md.",
            "",
            "Uses KAFKA_BOOTSTRAP_SERVERS (and KAFKA_CLIENT_PROPERTIES). 'stancewatch sources check' visits the "
                    + "sources now instead, without Kafka, and says which work.",
            ""
        },
        subcommands = {SourcesCommand.ListSources.class, SourcesCheckCommand.class})
final class SourcesCommand implements Callable<Integer> {

    @Mixin
    ListOptions options;

    /** Without a subcommand: the table. */
    @Override
    public Integer call() throws Exception {
        return options.list();
    }

    /** The options of the table, shared by {@code sources} and {@code sources list}. */
    static final class ListOptions {
        @Option(names = "--json", description = "print JSON (one object per source, with its status record) instead of a table")
        boolean json;

        @Option(names = "--sources-file", paramLabel = "FILE",
                description = "the sources file whose sources are listed even when never visited "
                        + "(default: ./config/sources.yml, else the bundled defaults)")
        Path sourcesFile;

        int list() throws Exception {
            List<Source> configured = configured();
            Map<String, StoredStatus> statuses;
            try {
                statuses = new SourceStatusReader(ClusterSettings.kafka()).latest();
            } catch (TimeoutException e) {
                throw new IllegalStateException("cannot reach Kafka at " + Environment.KAFKA_BOOTSTRAP_SERVERS.value()
                        + " to read stancewatch.sources: " + e.getMessage() + "\n  Is it running? Start one with "
                        + "'stancewatch services', or point KAFKA_BOOTSTRAP_SERVERS at yours.", e);
            }
            SourceTable table = SourceTable.of(statuses, configured);
            if (json) {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(table.json()));
                return 0;
            }
            if (table.rows().isEmpty()) {
                System.out.println("No sources: none configured and none on stancewatch.sources yet.");
                return 0;
            }
            System.out.print(table.render(Instant.now()));
            Map<String, Integer> counts = new TreeMap<>();
            table.rows().forEach(row -> counts.merge(row.health(), 1, Integer::sum));
            StringBuilder summary = new StringBuilder();
            counts.forEach((health, n) -> summary.append(summary.isEmpty() ? "" : ", ").append(n).append(' ').append(health));
            System.out.printf("%n%d sources: %s%n", table.rows().size(), summary);
            return 0;
        }

        /** The sources file's sources; without an explicit file, one that cannot be read only costs its rows. */
        private List<Source> configured() {
            if (sourcesFile != null) {
                return IngestStage.sources(Optional.of(sourcesFile)).sources();
            }
            try {
                return IngestStage.sources(Optional.empty()).sources();
            } catch (SourcesException e) {
                System.err.println("warning: sources never visited are not listed: " + e.getMessage());
                return List.of();
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Prints one row per source (the default action of 'stancewatch sources').")
    static final class ListSources implements Callable<Integer> {
        @Mixin
        ListOptions options;

        @Override
        public Integer call() throws Exception {
            return options.list();
        }
    }
}
