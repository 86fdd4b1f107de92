package org.stancewatch.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stancewatch.analyze.StanceScoring;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.app.pipeline.Pipeline;
import org.stancewatch.embedded.Ports;
import org.stancewatch.ingest.IngestStage;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.model.kafka.KafkaTopicSetup;
import org.stancewatch.notify.NotifierSetup;
import org.stancewatch.notify.config.AlertsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch run}: crawl, analyze and index in one process, on schedule, until Ctrl-C. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        header = "Runs the whole pipeline in one process: crawl on schedule, analyze, index, notify, until Ctrl-C.",
        description = {
            "Starts an embedded Kafka and Elasticsearch under STANCEWATCH_HOME (default ./data) unless "
                    + "KAFKA_BOOTSTRAP_SERVERS and ELASTICSEARCH_URL name clusters to use, creates the topics and "
                    + "index templates, and runs the crawler on the sources file (config/sources.yml by default), "
                    + "the analyze job, the indexer and the notifier (by the alerts file, config/alerts.yml by default: "
                    + "an Atom feed at STANCEWATCH_HOME/notify/alerts.atom), printing progress. Ctrl-C stops the stages "
                    + "cleanly; nothing is lost, counted or notified twice when it starts again.",
            "",
            "To look at the results while it runs, in another terminal: stancewatch trends --actor russia, "
                    + "stancewatch alerts, stancewatch report."
        })
final class RunCommand implements Callable<Integer> {

    @Option(names = "--sources", paramLabel = "FILE",
            description = "sources file (default: ./config/sources.yml, else the bundled one)")
    Path sources;

    @Option(names = "--alerts-file", paramLabel = "FILE",
            description = "alerts file: channels and watchlists (default: ./config/alerts.yml, else the bundled one)")
    Path alertsFile;

    @Option(names = "--no-notify", description = "run without the notifier")
    boolean noNotify;

    @Option(names = "--home", paramLabel = "DIR",
            description = "data folder of the embedded servers and the analyze state (default: STANCEWATCH_HOME or ./data)")
    Path home = Path.of(Environment.STANCEWATCH_HOME.value());

    @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "print a progress line this often (default: ${DEFAULT-VALUE})")
    int progressEvery;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        var sourceList = IngestStage.sources(Optional.ofNullable(sources));
        System.out.println("Starting stancewatch on " + sourceList.sources().size() + " sources from "
                + sourceList.origin() + " ...");
        AlertsConfig alerts = noNotify ? null : alerts();
        var scorer = java.util.concurrent.CompletableFuture.supplyAsync(StanceScoring::fromDefaults);
        Clusters clusters = Clusters.fromEnvironment(home, Ports.defaults());
        Pipeline pipeline;
        try {
            clusters.description().forEach(line -> System.out.println("  " + line));
            AnalyzeSettings analyze = AnalyzeSettings.defaults(clusters.kafka().bootstrapServers())
                    .withStateDir(home.resolve("analyze-state"));
            pipeline = Pipeline.start(new Pipeline.Settings(clusters.kafka(), clusters.elasticsearch(),
                    sourceList, HostResolver.system(), analyze, KafkaTopicSetup.DEFAULT_PARTITIONS, hostName(), alerts),
                    scorer.join());
        } catch (RuntimeException e) {
            clusters.close();
            throw e;
        }
        StopSignal stop = StopSignal.onShutdown("run", () -> {
            System.out.println("Stopping: crawler, analysis, indexer, notifier, then the embedded servers ...");
            pipeline.close();
            clusters.close();
            System.out.println("Stopped. " + pipeline.progress().line());
        });
        pipeline.startCrawling();
        System.out.printf("Running after %.1f s: heap %d MiB in use, embedded servers %d MiB resident. Ctrl-C to stop.%n",
                (System.nanoTime() - started) / 1e9, usedHeapMiB(), clusters.embeddedResidentBytes() >> 20);
        while (!stop.await(Duration.ofSeconds(Math.max(1, progressEvery)))) {
            pipeline.checkHealthy();
            System.out.println(pipeline.progress().line());
        }
        return 0;
    }

    /** The alerts file; none when this build has no channel types to send with (said, not failed). */
    private AlertsConfig alerts() {
        NotifierSetup setup = NotifierSetup.installed();
        if (setup.channelTypes().isEmpty()) {
            System.out.println("  notifications off: this build has no channel types installed");
            return null;
        }
        AlertsConfig alerts = setup.alerts(Optional.ofNullable(alertsFile));
        System.out.println("  notifying by " + alerts.file() + ": " + alerts.channels().size() + " channels, "
                + alerts.watchlists().size() + " watchlists");
        return alerts;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "stancewatch";
        }
    }

    private static long usedHeapMiB() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
