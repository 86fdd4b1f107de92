package org.stancewatch.index.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.index.connect.ElasticsearchClients;
import org.stancewatch.index.templates.IndexSetupException;
import org.stancewatch.index.templates.IndexTemplates;
import org.stancewatch.kafka.ConsumerStage;
import org.stancewatch.kafka.KafkaClientDefaults;
import org.stancewatch.kafka.RunningStage;

/**
 * The index stage: a member of the consumer group {@code stancewatch-index} that writes the
 * articles, mentions, stance buckets and alerts topics into Elasticsearch with the client's
 * {@link BulkIngester}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>every bulk item's result is checked; 429, 5xx and an unreachable cluster are retried with
 *       exponential back-off, and consumption pauses while too much is waiting;
 *   <li>a record that cannot be read, or that Elasticsearch refuses (mapping or parse error),
 *       goes to the dead-letter topic with the reason, and the rest goes on;
 *   <li>offsets are committed only up to the first record not yet acknowledged, so a crash
 *       replays, never skips;
 *   <li>document ids are record ids, and articles and mentions are versioned by their revision,
 *       so replays never duplicate and an old revision never overwrites a new one; mentions that
 *       a new revision no longer has are removed ({@link RevisionCleanup}).
 * </ul>
 *
 * <pre>{@code
 * try (Indexer indexer = Indexer.start(IndexerSettings.of(elasticsearch, bootstrapServers))) {
 *     ... indexer.progress() ...
 * }
 * }</pre>
 */
public final class Indexer extends RunningStage {
    private static final Logger log = LoggerFactory.getLogger(Indexer.class);

    private final IndexerSettings config;
    private final ElasticsearchClient client;
    private final DeadLetterPublisher deadLetters;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService cleanupExecutor;
    private final BulkIngester<PendingDocument> ingester;
    private final IndexerStats stats;
    private final ConsumerLoop loop;

    private Indexer(IndexerSettings config, ElasticsearchClient client) {
        super(config.shutdownTimeout());
        this.config = config;
        this.client = client;
        OffsetTracker tracker = new OffsetTracker();
        this.stats = new IndexerStats(tracker::outstandingCount);
        this.deadLetters = new DeadLetterPublisher(config.bootstrapServers(), config.topics().deadLetters(),
                config.kafkaOverrides());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("stancewatch-index-retry"));
        this.cleanupExecutor = Executors.newSingleThreadExecutor(daemon("stancewatch-index-cleanup"));
        IndexTemplates templates = new IndexTemplates(client, config.layout());
        DocumentDispatcher dispatcher = new DocumentDispatcher(tracker, stats, deadLetters,
                new RevisionCleanup(client, config.layout()), templates::install, config.bulk(), scheduler,
                cleanupExecutor);
        BulkSettings bulk = config.bulk();
        this.ingester = BulkIngester.of(b -> b.client(client)
                .maxOperations(bulk.maxOperations())
                .maxSize(bulk.maxBytes())
                .maxConcurrentRequests(bulk.maxConcurrentRequests())
                .flushInterval(bulk.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                // writes go to the aliases only: a missing alias must fail, not auto-create an index
                .globalSettings(g -> g.requireAlias(true))
                .listener(new BulkResultListener(dispatcher, config.elasticsearch().url())));
        this.loop = new ConsumerLoop(new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), config, new DocumentDecoder(config.layout()), dispatcher, tracker,
                ingester::flush);
        dispatcher.attach(ingester, loop::fail);
    }

    /**
     * Waits for Elasticsearch (up to the config's start timeout), installs the templates and
     * indices, and starts consuming in a thread of its own.
     *
     * @throws IndexerStartException when Elasticsearch does not answer in time or refuses the templates
     */
    public static Indexer start(IndexerSettings config) {
        ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch());
        try {
            awaitElasticsearch(client, config);
            new IndexTemplates(client, config.layout()).install();
            Indexer indexer = new Indexer(config, client);
            indexer.loop.start("stancewatch-indexer");
            log.info("indexer started: group {}, topics {}, Elasticsearch {}", config.groupId(),
                    config.topics().recordTopics(), config.elasticsearch().url());
            return indexer;
        } catch (IndexSetupException e) {
            closeQuietly(client);
            throw new IndexerStartException(e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
    }

    /** The counters so far. */
    public IndexerProgress progress() {
        return stats.snapshot();
    }

    @Override
    protected ConsumerStage consumer() {
        return loop;
    }

    /**
     * After the consumer waited up to the shutdown timeout for documents in flight and committed
     * the offsets of what Elasticsearch acknowledged: releases everything else.
     */
    @Override
    protected void release() {
        scheduler.shutdownNow();
        cleanupExecutor.shutdownNow();
        try {
            ingester.close();
        } catch (RuntimeException e) {
            log.debug("closing the bulk ingester", e);
        }
        deadLetters.close();
        closeQuietly(client);
        log.info("indexer stopped: {}", progress());
    }

    private static Map<String, Object> consumerProperties(IndexerSettings config) {
        return KafkaClientDefaults.groupConsumer(config.bootstrapServers(), config.groupId(), "stancewatch-index",
                "earliest", 1000, config.kafkaOverrides());
    }

    private static void awaitElasticsearch(ElasticsearchClient client, IndexerSettings config) {
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        boolean told = false;
        while (true) {
            try {
                client.cluster().health(h -> h.waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("5s")));
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IndexerStartException("Elasticsearch at " + config.elasticsearch().url()
                            + " did not answer within " + config.startTimeout().toSeconds() + " s (" + e.getMessage()
                            + "). Start it (stancewatch services, or docker compose up elasticsearch) or set"
                            + " ELASTICSEARCH_URL.", e);
                }
                if (!told) {
                    log.info("waiting for Elasticsearch at {} ({})", config.elasticsearch().url(), e.getMessage());
                    told = true;
                }
                sleep(Duration.ofSeconds(1));
            }
        }
    }


    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexerStartException("interrupted while waiting for Elasticsearch", e);
        }
    }

    private static void closeQuietly(ElasticsearchClient client) {
        try {
            client.close();
        } catch (Exception e) {
            log.debug("closing the Elasticsearch client", e);
        }
    }
}
