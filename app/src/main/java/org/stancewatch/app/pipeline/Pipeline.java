package org.stancewatch.app.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.analyze.AnalyzeStage;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.index.IndexStage;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.sink.IndexerSettings;
import org.stancewatch.ingest.Crawler;
import org.stancewatch.ingest.CrawlerConfig;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.source.Sources;
import org.stancewatch.notify.Notifier;
import org.stancewatch.notify.NotifierSettings;
import org.stancewatch.notify.config.AlertsConfig;

/**
 * The stages in one process: the crawler, the analyze job, the indexer and the notifier, over
 * one Kafka cluster and one Elasticsearch cluster. Each stage is the same code that runs alone
 * in {@code stancewatch crawl|analyze|index|notify}; here they only share a JVM (and the CoreNLP
 * scorer's memory).
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    /**
     * @param kafka            Kafka
     * @param elasticsearch    Elasticsearch
     * @param sources          what to crawl
     * @param resolver         host name resolution of the crawler
     * @param analyze          the analyze job's settings
     * @param partitions       partitions of topics the pipeline creates
     * @param crawlerInstance  the crawler's instance name
     * @param alerts           the notifier's channels and watchlists; null runs no notifier
     */
    public record Settings(KafkaConnection kafka, ElasticsearchSettings elasticsearch, Sources sources,
                           HostResolver resolver, AnalyzeSettings analyze, int partitions, String crawlerInstance,
                           AlertsConfig alerts) {

        /** Without a notifier. */
        public Settings(KafkaConnection kafka, ElasticsearchSettings elasticsearch, Sources sources,
                        HostResolver resolver, AnalyzeSettings analyze, int partitions, String crawlerInstance) {
            this(kafka, elasticsearch, sources, resolver, analyze, partitions, crawlerInstance, null);
        }
    }

    private final Settings settings;
    private final Admin admin;
    private final AnalyzeStage analyze;
    private final IndexStage indexer;
    private final Crawler crawler;
    private final IndexerSettings indexerSettings;
    private final Notifier notifier;
    private final NotifierSettings notifierSettings;

    private Pipeline(Settings settings, Admin admin, AnalyzeStage analyze, IndexStage indexer, Crawler crawler,
                     IndexerSettings indexerSettings, Notifier notifier, NotifierSettings notifierSettings) {
        this.settings = settings;
        this.admin = admin;
        this.analyze = analyze;
        this.indexer = indexer;
        this.crawler = crawler;
        this.indexerSettings = indexerSettings;
        this.notifier = notifier;
        this.notifierSettings = notifierSettings;
    }

    /**
     * Creates the topics and index templates that are missing, then starts the analyze job, the
     * indexer and the notifier, and opens the crawler (its schedule starts with {@link #startCrawling}).
     */
    public static Pipeline start(Settings settings, StanceScorer scorer) {
        Admin admin = Admin.create(settings.kafka().adminConfig());
        List<AutoCloseable> started = new ArrayList<>(List.of(admin));
        try {
            short replication = ClusterKafkaTopics.ensure(admin, settings.kafka().bootstrapServers(), settings.partitions(),
                    ClusterKafkaTopics.AS_MANY_AS_BROKERS);
            IndexStage.installTemplates(settings.elasticsearch());
            AnalyzeStage analyze = AnalyzeStage.start(settings.analyze()
                    .withStreamsOverrides(withClientProperties(settings.analyze().streamsOverrides(), settings.kafka())),
                    scorer);
            started.add(analyze);
            IndexerSettings indexerSettings = IndexerSettings.of(settings.elasticsearch(),
                    settings.kafka().bootstrapServers())
                    .withKafkaOverrides(Map.copyOf(settings.kafka().clientProperties()));
            IndexStage indexer = IndexStage.start(indexerSettings);
            started.add(indexer);
            // in one process the notifier starts with the pipeline: every alert it raises is new to it
            NotifierSettings notifierSettings = NotifierSettings.of(settings.kafka().bootstrapServers())
                    .withFromBeginning(true).withKafkaOverrides(Map.copyOf(settings.kafka().clientProperties()));
            Notifier notifier = settings.alerts() == null ? null : Notifier.start(notifierSettings, settings.alerts());
            if (notifier != null) {
                started.add(notifier);
            }
            KafkaSettings kafka = new KafkaSettings(settings.kafka().bootstrapServers(),
                    Map.copyOf(settings.kafka().clientProperties()), settings.crawlerInstance(),
                    false, settings.partitions(), replication);
            Crawler crawler = Crawler.open(CrawlerConfig.kafka(settings.sources(), kafka).withResolver(settings.resolver()));
            return new Pipeline(settings, admin, analyze, indexer, crawler, indexerSettings, notifier,
                    notifierSettings);
        } catch (RuntimeException e) {
            closeAll(started.reversed());
            throw e;
        } catch (Exception e) {
            closeAll(started.reversed());
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The analyze job's own Kafka Streams settings over the connection's client properties. */
    static Map<String, String> withClientProperties(Map<String, String> streams, KafkaConnection kafka) {
        Map<String, String> merged = new java.util.HashMap<>(kafka.clientProperties());
        merged.putAll(streams);
        return merged;
    }

    /** Crawls every source on its interval until closed. */
    public void startCrawling() {
        crawler.startSchedule();
    }

    /** Runs every source once, now, and returns when all are done. */
    public void crawlOnce() throws InterruptedException {
        crawler.runOnce();
    }

    /** A snapshot of all the stages. */
    public PipelineProgress progress() {
        return new PipelineProgress(crawler.stats(), analyze.progress(), indexer.progress(),
                notifier == null ? null : notifier.progress());
    }

    /**
     * True when every stage has read everything committed before it: the scoring application
     * the articles, the aggregation application the mentions (and its own repartition topics),
     * the indexer the four record topics, the notifier the alerts and sources; and neither the
     * indexer nor a healthy notifier channel has anything in flight.
     */
    public boolean isCaughtUp() {
        AnalyzeSettings analyzeSettings = settings.analyze();
        Set<String> allTopics = topicNames();
        List<String> aggregationInputs = new ArrayList<>(List.of(analyzeSettings.topics().mentions()));
        allTopics.stream().filter(name -> name.startsWith(analyzeSettings.aggregationApplicationId() + "-")
                && name.endsWith("-repartition")).forEach(aggregationInputs::add);
        return GroupLag.of(admin, analyzeSettings.scoringApplicationId(), List.of(analyzeSettings.topics().articles())) == 0
                && GroupLag.of(admin, analyzeSettings.aggregationApplicationId(), aggregationInputs) == 0
                && GroupLag.of(admin, indexerSettings.groupId(), indexerSettings.topics().recordTopics()) == 0
                && indexer.progress().pending() == 0
                && notifierCaughtUp();
    }

    /**
     * The notifier read everything, and sent it unless a channel is failing: a failing channel's
     * notices wait for it in the ledger rather than hold the pipeline up.
     */
    private boolean notifierCaughtUp() {
        if (notifier == null) {
            return true;
        }
        var progress = notifier.progress();
        return GroupLag.of(admin, notifierSettings.groupId(), notifierSettings.topics().consumed()) == 0
                && (progress.pending() == 0 || !progress.failing().isEmpty());
    }

    /** Waits until {@link #isCaughtUp()} holds twice in a row, a second apart, or the timeout passes. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int inARow = 0;
        while (System.nanoTime() < deadline) {
            checkHealthy();
            inARow = isCaughtUp() ? inARow + 1 : 0;
            if (inARow >= 2) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** Fails if a stage has stopped on its own. */
    public void checkHealthy() {
        crawler.failure().ifPresent(e -> {
            throw new IllegalStateException("the crawler stopped: " + e.getMessage(), e);
        });
        indexer.failure().ifPresent(e -> {
            throw new IllegalStateException("the indexer stopped: " + e.getMessage(), e);
        });
        if (notifier != null) {
            notifier.failure().ifPresent(e -> {
                throw new IllegalStateException("the notifier stopped: " + e.getMessage(), e);
            });
        }
        if (analyze.hasFailed()) {
            throw new IllegalStateException("the analyze job stopped: " + analyze.describe());
        }
    }

    /** Stops the crawler first, then the analyze job, then the indexer and the notifier, each cleanly. */
    @Override
    public void close() {
        List<AutoCloseable> stages = new ArrayList<>(List.of(crawler, analyze, indexer));
        if (notifier != null) {
            stages.add(notifier);
        }
        stages.add(admin);
        closeAll(stages);
    }

    private Set<String> topicNames() {
        try {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the Kafka topics: " + e.getMessage(), e);
        }
    }

    private static void closeAll(List<? extends AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("while stopping {}: {}", resource.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
