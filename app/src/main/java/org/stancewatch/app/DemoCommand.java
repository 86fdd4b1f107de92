package org.stancewatch.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.stancewatch.analyze.StanceScoring;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.app.demo.DemoContent;
import org.stancewatch.app.demo.DemoRun;
import org.stancewatch.app.demo.DemoSiteServer;
import org.stancewatch.app.pipeline.Pipeline;
import org.stancewatch.embedded.Ports;
import org.stancewatch.index.Trends;
import org.stancewatch.index.trends.AlertQuery;
import org.stancewatch.index.trends.Interval;
import org.stancewatch.index.trends.Overview;
import org.stancewatch.index.trends.SeriesQuery;
import org.stancewatch.model.Alert;
import org.stancewatch.notify.NotifierSetup;
import org.stancewatch.notify.config.AlertsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch demo}: the whole pipeline on the bundled demo news site. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        header = "Runs the whole pipeline on a bundled demo news site, then shows the trends and the alert.",
        description = {
            "Serves a fictional news site on this machine (four outlets, 134 articles of 2010-2012 about the "
                    + "US-Russia reset, written for this demo), starts an embedded Kafka and Elasticsearch, and runs "
                    + "crawl, analyze and index on it. The site publishes its articles month by month, and the "
                    + "crawler visits after each month. One outlet's tone toward Russia turns sharply in November "
                    + "2011: the demo ends by printing the trends of the main actors and the alert it raised, and "
                    + "writes the HTML report. The alert also reaches people as the notify stage sends it: into an "
                    + "Atom feed and an e-mail outbox (.eml files) under the demo's folder, whose paths it prints.",
            "",
            "The demo's data is fictional and stays in its own folder (--home, wiped at each run); it never "
                    + "uses the clusters KAFKA_BOOTSTRAP_SERVERS or ELASTICSEARCH_URL name. It takes a few minutes, "
                    + "most of them scoring sentences with CoreNLP. Afterwards, 'stancewatch services --home "
                    + "<home>' brings its servers back with the demo's data, for 'trends', 'alerts' and 'report'."
        })
final class DemoCommand implements Callable<Integer> {
    private static final List<String> DATA_FOLDERS = List.of("kafka", "elasticsearch", "analyze-state", "notify");

    @Option(names = "--home", paramLabel = "DIR",
            description = "folder of the demo's servers and state (default: STANCEWATCH_HOME/demo, i.e. ./data/demo)")
    Path home = Path.of(Environment.STANCEWATCH_HOME.value(), "demo");

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.html",
            description = "where to write the HTML report (default: ${DEFAULT-VALUE})")
    Path report;

    @Option(names = "--keep-running",
            description = "after the demo, keep Kafka and Elasticsearch up (with the demo's data) until Ctrl-C")
    boolean keepRunning;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        DemoContent content = DemoContent.load(DemoContent.BUNDLED);
        out.printf("stancewatch demo: %d fictional outlets, %d articles, %s to %s.%n", content.outlets().size(),
                content.articles().size(), content.articles().getFirst().published().toString().substring(0, 10),
                content.articles().getLast().published().toString().substring(0, 10));
        wipe(home);
        quietStageLogs();
        out.println("Starting Kafka and Elasticsearch under " + home.toAbsolutePath() + ", loading CoreNLP ...");
        CompletableFuture<StanceScorer> scorer = CompletableFuture.supplyAsync(StanceScoring::fromDefaults);
        try (Clusters clusters = Clusters.embedded(home, Ports.free());
             DemoSiteServer site = DemoSiteServer.start(content)) {
            clusters.description().forEach(line -> out.println("  " + line));
            DemoRun run = new DemoRun(site, out);
            AlertsConfig alerts = demoAlerts();
            try (Pipeline pipeline = Pipeline.start(
                    run.settings(clusters.kafka().bootstrapServers(), clusters.elasticsearch(), home.resolve("analyze-state"),
                            alerts),
                    scorer.join())) {
                out.printf("Pipeline running after %.1f s. The demo site publishes month by month:%n",
                        seconds(started));
                run.publishAndCrawl(pipeline, null, month -> false);
                run.awaitCaughtUp(pipeline, Duration.ofMinutes(30));
                out.println("Done: " + pipeline.progress().line());
            }
            try (Trends trends = Trends.open(clusters.elasticsearch())) {
                trends.refresh();
                printTrends(trends);
                printAlerts(trends);
                Files.writeString(report, trends.report(Instant.now()));
                out.println("Report written to " + report.toAbsolutePath());
            }
            if (alerts != null) {
                out.println("Notifications: Atom feed " + DemoRun.feedFile(home) + " (open it in a feed reader), "
                        + "e-mails in " + DemoRun.outbox(home));
            }
            out.printf("The demo took %.0f s; this JVM's heap %d MiB in use, embedded servers %d MiB resident.%n",
                    seconds(started), usedHeapMiB(), clusters.embeddedResidentBytes() >> 20);
            if (keepRunning) {
                clusters.description().forEach(line -> out.println("  " + line));
                out.println("Kafka and Elasticsearch stay up with the demo's data; Ctrl-C to stop.");
                Thread.currentThread().join();
            } else {
                out.println("To explore further: stancewatch services --home " + home
                        + ", then stancewatch trends --actor russia --outlets");
            }
        }
        return 0;
    }

    /** The demo's notifications: an Atom feed and an e-mail outbox under the demo's folder. */
    private AlertsConfig demoAlerts() {
        return DemoRun.alerts(home, NotifierSetup.installed());
    }

    private void printTrends(Trends trends) {
        Overview overview = trends.overview(4, 1);
        for (Overview.ActorStance actor : overview.actors()) {
            out.println();
            out.print(Trends.table(trends.stanceOverTime(SeriesQuery.of(actor.actor()).withInterval(Interval.MONTH))));
        }
        out.println();
        out.print(Trends.outletTable("russia", trends.outlets(SeriesQuery.of("russia"))));
    }

    private void printAlerts(Trends trends) {
        List<Alert> alerts = trends.alerts(AlertQuery.newest());
        out.println();
        out.println(alerts.isEmpty() ? "No alert was raised." : "Alerts (" + alerts.size() + "):");
        alerts.forEach(alert -> out.print(Trends.text(alert)));
        out.println();
    }

    /** The demo prints its own progress; the crawler's per-run lines would drown it. */
    private static void quietStageLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.stancewatch.ingest"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /** Removes the demo's own data folders only: --home may name a folder with other things in it. */
    private static void wipe(Path home) throws IOException {
        for (String folder : DATA_FOLDERS) {
            Path data = home.resolve(folder);
            if (Files.exists(data)) {
                try (Stream<Path> paths = Files.walk(data)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long usedHeapMiB() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
