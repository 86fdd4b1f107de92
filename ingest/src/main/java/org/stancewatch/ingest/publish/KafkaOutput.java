package org.stancewatch.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.StateCodec;
import org.stancewatch.ingest.state.StateKey;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Publishes to Kafka with one transactional producer (idempotent, {@code acks=all}): each batch
 * — articles keyed by article id on {@code stancewatch.articles}, dead letters keyed by URL on
 * {@code stancewatch.ingest.dlq}, state records on {@code stancewatch.crawl-state}, source
 * statuses keyed by source on {@code stancewatch.sources} — is one
 * transaction. A crash mid-batch leaves nothing of it visible to {@code read_committed}
 * consumers, and the restarted crawler, whose state says the page was not done, fetches it
 * again: nothing is lost and nothing is published twice.
 *
 * <p>A failed batch is aborted. Some failures leave a producer unable to abort or to begin
 * another transaction (Kafka calls them fatal); then a new producer takes over under the same
 * transactional id with the next batch, so the crawler keeps publishing. Only being fenced by another instance with
 * this instance's name, or not being allowed to write, ends publishing for good.
 */
public final class KafkaOutput implements CrawlOutput {
    private static final Logger log = LoggerFactory.getLogger(KafkaOutput.class);

    /** The largest article record sent; over it, the article is dead-lettered instead. */
    static final int MAX_ARTICLE_BYTES = KafkaTopics.MAX_RECORD_BYTES - 1024;
    /** Reason of the dead letter of an article too large for a Kafka record. */
    static final String TOO_LARGE = "article-too-large";

    private final Supplier<Producer<String, byte[]>> producers;
    private final CrawlState state;
    private final Serializer<Article> articles = KafkaTopics.ARTICLES.valueSerde().serializer();
    private final Serializer<DeadLetter> deadLetters = KafkaTopics.INGEST_DLQ.valueSerde().serializer();
    private final Serializer<SourceStatus> statuses = KafkaTopics.SOURCES.valueSerde().serializer();
    private final String bootstrapServers;
    private Producer<String, byte[]> producer;
    private int statePartitions;
    private boolean closed;

    public KafkaOutput(KafkaSettings settings, CrawlState state) {
        this(() -> new KafkaProducer<>(producerConfig(settings), new StringSerializer(), new ByteArraySerializer()),
                state, settings.bootstrapServers());
    }

    /** With producers from elsewhere (a test's); each is initialised for transactions here. */
    KafkaOutput(Supplier<Producer<String, byte[]>> producers, CrawlState state, String bootstrapServers) {
        this.producers = producers;
        this.state = state;
        this.bootstrapServers = bootstrapServers;
        this.producer = newProducer();
    }

    private static Map<String, Object> producerConfig(KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "stancewatch-crawler-" + settings.instanceId());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaTopics.MAX_RECORD_BYTES);
        return config;
    }

    /** A producer ready for transactions; its {@code initTransactions} fences any earlier one of this id. */
    private Producer<String, byte[]> newProducer() {
        Producer<String, byte[]> created = producers.get();
        try {
            created.initTransactions();
            statePartitions = created.partitionsFor(KafkaTopics.CRAWL_STATE.name()).size();
            return created;
        } catch (KafkaException e) {
            created.close(Duration.ZERO);
            throw new IllegalStateException("cannot start publishing to Kafka at " + bootstrapServers + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void commit(CrawlBatch batch) throws PublishException {
        if (closed) {
            throw new PublishException("the Kafka output is closed", null, true);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (producer == null) {
            try {
                producer = newProducer();
            } catch (IllegalStateException e) {
                throw new PublishException(e.getMessage(), e, false);
            }
        }
        CrawlBatch sendable = withOversizedDeadLettered(batch, Set.of());
        Set<String> refused = publish(sendable);
        if (!refused.isEmpty()) {
            // The broker refused these articles as too large (its topic limit is lower than ours):
            // the rest of the batch goes out again with dead letters in their place, or these pages
            // would abort every transaction they are in, run after run.
            publish(withOversizedDeadLettered(batch, refused));
        }
        batch.changes().forEach(change -> state.apply(change.key(), change.value()));
    }

    /**
     * The batch with every article over the record limit, or among {@code refused}, replaced by a
     * dead letter; its state changes stay, so the page counts as done and is not fetched again.
     */
    private CrawlBatch withOversizedDeadLettered(CrawlBatch batch, Set<String> refused) {
        CrawlBatch sendable = new CrawlBatch();
        for (Article article : batch.articles()) {
            int bytes = articles.serialize(KafkaTopics.ARTICLES.name(), article).length;
            if (bytes > MAX_ARTICLE_BYTES || refused.contains(article.id())) {
                log.warn("article {} ({}) is {} bytes, too large for a Kafka record: dead-lettered", article.id(),
                        article.url(), bytes);
                String why = refused.contains(article.id())
                        ? "the broker refused the article record (" + bytes + " bytes) as too large for its topic"
                        : "the article record is " + bytes + " bytes, more than the " + MAX_ARTICLE_BYTES
                                + " bytes a Kafka record may have";
                sendable.deadLetter(DeadLetter.ofUrl(article.url(), TOO_LARGE, why, article.text(), article.fetchedAt()));
            } else {
                sendable.article(article);
            }
        }
        batch.deadLetters().forEach(sendable::deadLetter);
        batch.changes().forEach(change -> sendable.change(change.key(), change.value()));
        batch.statuses().forEach(sendable::status);
        return sendable;
    }

    /** Publishes the batch in one transaction; returns the ids of articles the broker refused as too large. */
    private Set<String> publish(CrawlBatch batch) throws PublishException {
        Map<String, Future<RecordMetadata>> articleSends = new HashMap<>();
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (Article article : batch.articles()) {
                Future<RecordMetadata> send = producer.send(new ProducerRecord<>(KafkaTopics.ARTICLES.name(), article.id(),
                        articles.serialize(KafkaTopics.ARTICLES.name(), article)));
                articleSends.put(article.id(), send);
                sends.add(send);
            }
            for (DeadLetter letter : batch.deadLetters()) {
                sends.add(producer.send(new ProducerRecord<>(KafkaTopics.INGEST_DLQ.name(), letter.subject(),
                        deadLetters.serialize(KafkaTopics.INGEST_DLQ.name(), letter))));
            }
            for (StateChange change : batch.changes()) {
                int partition = StateKey.partition(change.key(), statePartitions);
                sends.add(producer.send(new ProducerRecord<>(KafkaTopics.CRAWL_STATE.name(), partition, change.key(),
                        StateCodec.write(change.value()))));
            }
            for (SourceStatus status : batch.statuses()) {
                sends.add(producer.send(new ProducerRecord<>(KafkaTopics.SOURCES.name(), status.source(),
                        statuses.serialize(KafkaTopics.SOURCES.name(), status))));
            }
            producer.commitTransaction();
            for (Future<RecordMetadata> send : sends) {
                send.get(); // already complete after the commit; surfaces a failed send
            }
            return Set.of();
        } catch (ProducerFencedException | AuthorizationException | InvalidProducerEpochException e) {
            closed = true;
            producer.close(Duration.ZERO);
            throw new PublishException("this crawler can no longer publish: " + e.getMessage(), e, true);
        } catch (KafkaException | ExecutionException e) {
            abortOrReplaceProducer(e);
            Set<String> tooLarge = refusedAsTooLarge(articleSends);
            if (!tooLarge.isEmpty() && producer != null) {
                return tooLarge;
            }
            throw new PublishException("publishing failed, nothing of the batch was published: " + e.getMessage(), e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abortOrReplaceProducer(e);
            throw new PublishException("interrupted while publishing", e, false);
        }
    }

    private static Set<String> refusedAsTooLarge(Map<String, Future<RecordMetadata>> sends) {
        Set<String> refused = new HashSet<>();
        sends.forEach((id, send) -> {
            if (send.isDone()) {
                try {
                    send.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RecordTooLargeException) {
                        refused.add(id);
                    }
                } catch (InterruptedException | java.util.concurrent.CancellationException e) {
                    // not a size refusal
                }
            }
        });
        return refused;
    }

    /**
     * Aborts the failed transaction. A producer that cannot abort is closed, and the next batch
     * starts a new one.
     */
    private void abortOrReplaceProducer(Exception failure) {
        try {
            producer.abortTransaction();
        } catch (KafkaException abortFailed) {
            log.warn("the Kafka producer cannot go on after '{}'; the next batch starts a new one",
                    failure.getMessage());
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public CrawlState state() {
        return state;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (producer != null) {
                producer.close();
            }
        }
    }
}
