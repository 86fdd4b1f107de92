package org.stancewatch.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.crawl.SourceCounters;
import org.stancewatch.ingest.crawl.SourceCrawl;
import org.stancewatch.ingest.crawl.SourceStats;
import org.stancewatch.ingest.extract.ArticleExtractor;
import org.stancewatch.ingest.fetch.HttpFetcher;
import org.stancewatch.ingest.fetch.Politeness;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.publish.CrawlBatch;
import org.stancewatch.ingest.publish.CrawlOutput;
import org.stancewatch.ingest.publish.KafkaOutput;
import org.stancewatch.ingest.publish.PublishException;
import org.stancewatch.ingest.robots.RobotsCache;
import org.stancewatch.ingest.schedule.CrawlScheduler;
import org.stancewatch.ingest.schedule.KafkaSourceOwnership;
import org.stancewatch.ingest.schedule.SourceOwnership;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.KafkaStateReader;
import org.stancewatch.ingest.state.StateKey;
import org.stancewatch.model.kafka.KafkaTopicSetup;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * The crawler, for {@code stancewatch crawl} and for the pipeline run in one process:
 *
 * <pre>{@code
 * try (Crawler crawler = Crawler.start(CrawlerConfig.kafka(sources, kafka))) {   // on schedule
 *     ... crawler.stats() for progress ...
 * }
 * try (Crawler crawler = Crawler.open(config)) {
 *     crawler.runOnce();                                                         // every source once
 * }
 * }</pre>
 *
 * With Kafka, opening creates missing topics (if asked), reads the crawl state back from the
 * compacted crawl-state topic, and joins the crawler group that shares sources between
 * instances. Closing stops the runs at their next page and waits for them.
 */
public final class Crawler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(5);

    private final CrawlerConfig config;
    private final CrawlOutput output;
    private final KafkaStateReader stateReader;
    private final SourceOwnership ownership;
    private final Admin admin;
    private final HttpFetcher fetcher;
    private final SourceCrawl crawl;
    private final CrawlScheduler scheduler;
    private final Map<String, SourceCounters> counters = new LinkedHashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private boolean scheduled;

    private Crawler(CrawlerConfig config) {
        this.config = config;
        for (Source source : config.sources().sources()) {
            counters.put(source.id(), new SourceCounters(source.id(), config.metrics()));
        }
        KafkaSettings kafka = config.kafka();
        CrawlState state;
        if (kafka != null) {
            this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
            try {
                if (kafka.createTopics()) {
                    List<String> created = KafkaTopicSetup.ensureTopics(admin, kafka.partitions(), kafka.replicationFactor());
                    if (!created.isEmpty()) {
                        LOG.info("created topics {}", created);
                    }
                }
                state = new CrawlState();
                this.stateReader = KafkaStateReader.start(kafka, state, RESTORE_TIMEOUT);
                this.output = new KafkaOutput(kafka, state);
            } catch (RuntimeException e) {
                admin.close();
                throw e;
            }
        } else {
            this.admin = null;
            this.stateReader = null;
            this.output = config.memory();
            state = output.state();
        }
        Politeness politeness = new Politeness();
        this.fetcher = new HttpFetcher(config.sources().settings(), config.resolver(), politeness);
        RobotsCache robots = new RobotsCache(fetcher, state, this::storeRobots, config.sources().settings().robotName(),
                config.clock());
        this.crawl = new SourceCrawl(config.sources().settings(), fetcher, politeness, robots, new ArticleExtractor()::extract,
                output, config.clock());
        this.ownership = kafka != null ? new KafkaSourceOwnership(kafka, this::release) : SourceOwnership.all();
        this.scheduler = new CrawlScheduler(config.sources().sources(), this::runSource, ownership, state,
                config.clock(), config.sources().settings().parallelSources());
        if (ownership instanceof KafkaSourceOwnership group) {
            try {
                if (!group.awaitAssignment(Duration.ofSeconds(60))) {
                    LOG.warn("the crawler group assigned no sources within 60 s; runs start once it does");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Opens a crawler without starting its schedule (for {@link #runOnce()}). */
    public static Crawler open(CrawlerConfig config) {
        return new Crawler(config);
    }

    /** Opens a crawler and starts crawling every source on its interval. */
    public static Crawler start(CrawlerConfig config) {
        Crawler crawler = new Crawler(config);
        crawler.startSchedule();
        return crawler;
    }

    public synchronized void startSchedule() {
        if (!scheduled) {
            scheduled = true;
            scheduler.start();
        }
    }

    /** Runs every source this instance owns once and waits; returns each run's counts. */
    public List<SourceStats> runOnce() throws InterruptedException {
        List<SourceStats> results = scheduler.runOnce();
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        return results;
    }

    /** Live counts per source since the crawler opened, in the order of the sources file. */
    public List<SourceStats> stats() {
        List<SourceStats> stats = new ArrayList<>();
        counters.values().forEach(c -> stats.add(c.snapshot()));
        return stats;
    }

    /** Why the crawler stopped by itself (it can no longer publish), if it did. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure.get());
    }

    public CrawlState state() {
        return output.state();
    }

    public CrawlerConfig config() {
        return config;
    }

    private SourceStats runSource(Source source, java.util.function.BooleanSupplier stop) throws InterruptedException {
        if (failure.get() != null) {
            return counters.get(source.id()).snapshot();
        }
        awaitStateOf(source);
        try {
            return crawl.run(source, counters.get(source.id()), () -> stop.getAsBoolean() || failure.get() != null);
        } catch (SourceCrawl.FatalPublishException e) {
            failure.compareAndSet(null, e);
            LOG.error("the crawler stops: {}", e.getMessage());
            throw e;
        }
    }

    /** Before running a source, the state its previous owner committed must be here. */
    private void awaitStateOf(Source source) throws InterruptedException {
        if (stateReader == null) {
            return;
        }
        try {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            int partitions = admin.describeTopics(List.of(KafkaTopics.CRAWL_STATE.name())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(KafkaTopics.CRAWL_STATE.name()).partitions().size();
            latest.put(new TopicPartition(KafkaTopics.CRAWL_STATE.name(), StateKey.sourcePartition(source.id(), partitions)),
                    OffsetSpec.latest());
            Map<TopicPartition, Long> end = new LinkedHashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(30, TimeUnit.SECONDS).forEach((partition, info) -> end.put(partition, info.offset()));
            stateReader.awaitCaughtUp(end, Duration.ofSeconds(60));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot check the crawl state of " + source.id() + ": " + e.getMessage(), e);
        }
    }

    private void release(Collection<Integer> partitions) {
        if (ownership instanceof KafkaSourceOwnership group) {
            try {
                scheduler.awaitStopped(partitions, group::partitionOf, config.sources().settings().fetchTimeout().multipliedBy(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void storeRobots(org.stancewatch.ingest.state.RobotsState robots) {
        try {
            output.commit(new CrawlBatch().change(StateKey.robots(robots.origin()), robots));
        } catch (PublishException e) {
            LOG.warn("could not save robots.txt of {} in the crawl state: {}", robots.origin(), e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.close();
        ownership.close();
        fetcher.close();
        if (config.kafka() != null) {
            output.close();
            stateReader.close();
            admin.close();
        }
    }
}
