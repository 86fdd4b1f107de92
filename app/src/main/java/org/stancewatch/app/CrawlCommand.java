package org.stancewatch.app;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stancewatch.app.pipeline.ClusterKafkaTopics;
import org.stancewatch.app.pipeline.KafkaConnection;
import org.stancewatch.ingest.Crawler;
import org.stancewatch.ingest.CrawlerConfig;
import org.stancewatch.ingest.IngestStage;
import org.stancewatch.ingest.crawl.SourceStats;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.source.Sources;
import org.stancewatch.model.kafka.KafkaTopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch crawl}: the ingest stage on its own. */
@Command(name = "crawl",
        mixinStandardHelpOptions = true,
        header = "Crawls the news sites of sources.yml into Kafka, on schedule or once.",
        description = {
            "Discovers articles in each source's feeds, sitemaps and section pages, fetches them politely "
                    + "(robots.txt, one request at a time per host, back-off on 429/503), extracts title, text, date, "
                    + "authors and language, and publishes new articles and revised ones to stancewatch.articles. "
                    + "Pages that fail go to stancewatch.ingest.dlq with the reason. What was seen is kept in the "
                    + "compacted topic stancewatch.crawl-state, so a restart picks up where it stopped, and several "
                    + "instances share the sources between them.",
            "",
            "Sources: --sources FILE, else ./config/sources.yml, else the defaults bundled with stancewatch. "
                    + "Kafka: KAFKA_BOOTSTRAP_SERVERS (default localhost:9092; 'stancewatch services' starts one). "
                    + "Per-source counts are logged after each run; a progress line is printed while crawling.",
            ""
        })
final class CrawlCommand implements Callable<Integer> {

    @Option(names = "--once", description = "run every source once, print the counts and exit (default: keep crawling on schedule until Ctrl-C)")
    boolean once;

    @Option(names = "--sources", paramLabel = "FILE", description = "the sources file (default: ./config/sources.yml, else the bundled defaults)")
    Path sources;

    @Option(names = "--dry-run", description = "publish nothing: crawl into memory and print each article that would be "
            + "published (no Kafka needed; nothing is remembered)")
    boolean dryRun;

    @Option(names = "--instance", paramLabel = "NAME", description = "this crawler's name among several instances; a restart "
            + "with the same name replaces the old one (default: the host name)")
    String instance;

    @Option(names = "--progress", paramLabel = "SECONDS", defaultValue = "10",
            description = "seconds between progress lines, 0 for none (default: ${DEFAULT-VALUE})")
    int progressSeconds;

    @Override
    public Integer call() throws Exception {
        Sources loaded = IngestStage.sources(Optional.ofNullable(sources));
        CrawlerConfig config;
        String target;
        if (dryRun) {
            config = IngestStage.dryRun(loaded, article ->
                    System.out.printf("%s  %-10s %s  (%d words, rev %d%s)%n  %s%n", article.publishedAt(), article.source(),
                            article.title(), article.wordCount(), article.revision(),
                            article.isCopy() ? ", copy of " + article.copyOf() : "", article.url()));
            target = "memory (dry run)";
        } else {
            KafkaConnection kafka = ClusterSettings.kafka();
            short replicas = ClusterKafkaTopics.ensure(kafka, KafkaTopicSetup.DEFAULT_PARTITIONS,
                    ClusterKafkaTopics.AS_MANY_AS_BROKERS);
            config = CrawlerConfig.kafka(loaded, new KafkaSettings(kafka.bootstrapServers(),
                    Map.copyOf(kafka.clientProperties()), instanceName(), false, KafkaTopicSetup.DEFAULT_PARTITIONS, replicas));
            target = "Kafka at " + kafka.bootstrapServers();
        }
        System.err.printf("Crawling %d sources from %s into %s%s%n", loaded.sources().size(), loaded.origin(), target,
                once ? ", once" : ", on schedule (Ctrl-C stops)");
        loaded.disabled().forEach(d -> System.err.printf("  not crawled: %s (disabled: %s)%n", d.source().id(), d.reason()));
        Crawler crawler;
        try {
            crawler = Crawler.open(config);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n  Is Kafka running? Start one with 'stancewatch services', "
                    + "point KAFKA_BOOTSTRAP_SERVERS at yours, or try --dry-run.", e);
        }
        try (crawler; Progress progress = new Progress(crawler, Duration.ofSeconds(progressSeconds))) {
            if (once) {
                List<SourceStats> runs = crawler.runOnce();
                progress.close();
                printSummary(runs);
                return crawler.failure().isPresent() ? 1 : 0;
            }
            StopSignal stop = StopSignal.onShutdown("crawl", () -> {
                System.err.println("Stopping the crawler (runs end at their next page) ...");
                crawler.close();
            });
            crawler.startSchedule();
            stop.await();
            return 0;
        }
    }

    private String instanceName() {
        if (instance != null && !instance.isBlank()) {
            return instance;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "default";
        }
    }

    private static void printSummary(List<SourceStats> runs) {
        System.out.printf("%n%-16s %10s %8s %8s %9s %9s %8s %8s %7s %s%n", "source", "discovered", "fetched", "304",
                "extracted", "published", "robots", "deferred", "failed", "failures");
        for (SourceStats s : runs) {
            System.out.printf("%-16s %10d %8d %8d %9d %9d %8d %8d %7d %s%n", s.source(), s.discovered(), s.fetched(),
                    s.notModified(), s.extracted(), s.published(), s.robotsRefused(), s.deferred(), s.failedTotal(),
                    s.failed().isEmpty() ? "" : new java.util.TreeMap<>(s.failed()).toString());
        }
    }

    /** Prints one line of totals every few seconds while the crawler works. */
    private static final class Progress implements AutoCloseable {
        private final Thread thread;

        Progress(Crawler crawler, Duration every) {
            if (every.isZero() || every.isNegative()) {
                thread = null;
                return;
            }
            thread = Thread.ofPlatform().daemon().name("crawl-progress").start(() -> {
                try {
                    while (true) {
                        Thread.sleep(every.toMillis());
                        System.err.println(line(crawler.stats()));
                    }
                } catch (InterruptedException e) {
                    // done
                }
            });
        }

        static String line(List<SourceStats> stats) {
            long running = stats.stream().filter(SourceStats::running).count();
            return "crawl: %d/%d sources running, discovered %d, fetched %d, not modified %d, published %d, failed %d, robots-refused %d"
                    .formatted(running, stats.size(), sum(stats, SourceStats::discovered), sum(stats, SourceStats::fetched),
                            sum(stats, SourceStats::notModified), sum(stats, SourceStats::published),
                            sum(stats, SourceStats::failedTotal), sum(stats, SourceStats::robotsRefused));
        }

        private static long sum(List<SourceStats> stats, java.util.function.ToLongFunction<SourceStats> field) {
            return stats.stream().mapToLong(field).sum();
        }

        @Override
        public void close() {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
