package org.stancewatch.ingest.publish;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.StateCodec;
import org.stancewatch.ingest.state.StateKey;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.topic.Topics;

/**
 * Publishes to Kafka with one transactional producer (idempotent, {@code acks=all}): each batch
 * — articles keyed by article id on {@code stancewatch.articles}, dead letters keyed by URL on
 * {@code stancewatch.ingest.dlq}, state records on {@code stancewatch.crawl-state} — is one
 * transaction. A crash mid-batch leaves nothing of it visible to {@code read_committed}
 * consumers, and the restarted crawler, whose state says the page was not done, fetches it
 * again: nothing is lost and nothing is published twice.
 */
public final class KafkaOutput implements CrawlOutput {
    private final KafkaProducer<String, byte[]> producer;
    private final CrawlState state;
    private final int statePartitions;
    private final Serializer<Article> articles = Topics.ARTICLES.valueSerde().serializer();
    private final Serializer<DeadLetter> deadLetters = Topics.INGEST_DLQ.valueSerde().serializer();
    private boolean closed;

    public KafkaOutput(KafkaSettings settings, CrawlState state) {
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "stancewatch-crawler-" + settings.instanceId());
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
        this.state = state;
        try {
            producer.initTransactions(); // fences a previous incarnation of this instance
            this.statePartitions = producer.partitionsFor(Topics.CRAWL_STATE.name()).size();
        } catch (KafkaException e) {
            producer.close();
            throw new IllegalStateException("cannot start publishing to Kafka at " + settings.bootstrapServers()
                    + ": " + e.getMessage(), e);
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
        try {
            producer.beginTransaction();
            java.util.List<Future<RecordMetadata>> sends = new java.util.ArrayList<>();
            for (Article article : batch.articles()) {
                sends.add(producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.id(),
                        articles.serialize(Topics.ARTICLES.name(), article))));
            }
            for (DeadLetter letter : batch.deadLetters()) {
                sends.add(producer.send(new ProducerRecord<>(Topics.INGEST_DLQ.name(), letter.subject(),
                        deadLetters.serialize(Topics.INGEST_DLQ.name(), letter))));
            }
            for (StateChange change : batch.changes()) {
                int partition = StateKey.partition(change.key(), statePartitions);
                sends.add(producer.send(new ProducerRecord<>(Topics.CRAWL_STATE.name(), partition, change.key(),
                        StateCodec.write(change.value()))));
            }
            producer.commitTransaction();
            for (Future<RecordMetadata> send : sends) {
                send.get(); // already complete after the commit; surfaces a failed send
            }
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | InvalidProducerEpochException e) {
            closed = true;
            producer.close();
            throw new PublishException("this crawler can no longer publish: " + e.getMessage(), e, true);
        } catch (KafkaException | ExecutionException e) {
            abort();
            throw new PublishException("publishing failed, nothing of the batch was published: " + e.getMessage(), e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new PublishException("interrupted while publishing", e, false);
        }
        batch.changes().forEach(change -> state.apply(change.key(), change.value()));
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException ignored) {
            // the transaction is lost either way; the next beginTransaction tells if the producer is usable
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
            producer.close();
        }
    }
}
