package org.stancewatch.analyze.stream.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stancewatch.kafka.KafkaTopicReader;
import org.stancewatch.model.Article;
import org.stancewatch.model.kafka.KafkaTopicNames;
import org.stancewatch.model.kafka.KafkaTopics;
import org.stancewatch.testing.TestTopics;

/** A test run's topics on a real broker: create them, write articles, read everything back. */
public final class KafkaTestTopics {
    private final String bootstrap;
    private final KafkaTopicNames names;

    public KafkaTestTopics(String bootstrap, KafkaTopicNames names) {
        this.bootstrap = bootstrap;
        this.names = names;
    }

    public KafkaTopicNames names() {
        return names;
    }

    public KafkaTestTopics create(int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : List.of(names.articles(), names.mentions(), names.stance(), names.alerts(),
                    names.deadLetters())) {
                topics.add(new NewTopic(name, partitions, (short) 1).configs(Map.of("retention.ms", "-1")));
            }
            TestTopics.create(admin, topics);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the test topics", e);
        }
        return this;
    }

    /** Lowers a topic's largest record ({@code max.message.bytes}), as an operator might. */
    public KafkaTestTopics limitRecordSize(String topic, int bytes) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TestTopics.limitRecordSize(admin, topic, bytes);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot limit the record size of " + topic, e);
        }
        return this;
    }

    /**
     * Writes articles keyed by id, stamped with their publication time, idempotently; returns once
     * the broker has acknowledged every one, and throws if it refused any (a test must not go on
     * with fewer articles than it thinks it sent).
     */
    public void send(List<Article> articles) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(articles.size());
        try (var producer = new KafkaProducer<>(producerConfig(), KafkaTopics.ARTICLES.keySerde().serializer(),
                KafkaTopics.ARTICLES.valueSerde().serializer())) {
            for (Article article : articles) {
                sent.add(producer.send(new ProducerRecord<>(names.articles(), null, article.publishedAt().toEpochMilli(),
                        article.id(), article)));
            }
            for (Future<RecordMetadata> result : sent) {
                result.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending articles", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused an article: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Writes articles in a producer transaction and aborts it, as a crawler does that fails half-way
     * through a batch: the records are in the log, marked aborted.
     */
    public void sendAborted(List<Article> articles) {
        Map<String, Object> config = new java.util.HashMap<>(producerConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "aborting-" + java.util.UUID.randomUUID());
        try (var producer = new KafkaProducer<>(config, KafkaTopics.ARTICLES.keySerde().serializer(),
                KafkaTopics.ARTICLES.valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(names.articles(), null, article.publishedAt().toEpochMilli(),
                        article.id(), article));
            }
            producer.flush();
            producer.abortTransaction();
        }
    }

    /** Writes raw bytes to a topic (a poison record). */
    public void sendRaw(String topic, String key, byte[] value) {
        try (var producer = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(), value));
        }
    }

    private Map<String, Object> producerConfig() {
        // Seen in the topology benchmark: writing to partitions created a moment before on a busy
        // machine, the idempotent producer had its first batch refused, retried it after later
        // batches had gone out, and was refused with OUT_OF_ORDER_SEQUENCE_NUMBER until the
        // batches expired, losing them. One request in flight keeps the sequence without gaps
        // (and idempotence keeps a retry from writing an article twice).
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.ACKS_CONFIG, "all");
    }

    /** Every committed record of a topic, read from the start until the end offsets at the call. */
    public <V> List<ConsumerRecord<String, V>> readAll(String topic, Deserializer<V> values) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            return KafkaTopicReader.readToEnd(consumer, topic, Duration.ofSeconds(30));
        }
    }

    public List<ConsumerRecord<String, byte[]>> readRaw(String topic) {
        return readAll(topic, new ByteArrayDeserializer());
    }
}
