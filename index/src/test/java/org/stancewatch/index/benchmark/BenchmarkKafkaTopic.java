package org.stancewatch.index.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stancewatch.index.testing.KafkaTestSupport;
import org.stancewatch.model.Mention;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.kafka.KafkaTopicNames;

/**
 * The benchmark's documents on Kafka: written once to a mentions topic that every indexer round
 * reads with a group of its own, and read back once so that the raw path sends exactly the bytes
 * that are on the topic.
 */
final class BenchmarkKafkaTopic {
    /** One record as it is on the topic: its key (the mention id, the document id) and value. */
    record TopicDocument(String id, byte[] value) {}

    private final String bootstrapServers;
    private final KafkaTopicNames topics;

    BenchmarkKafkaTopic(String bootstrapServers, KafkaTopicNames topics) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
    }

    KafkaTopicNames topics() {
        return topics;
    }

    /** Creates the topics (3 partitions each) and writes the mentions, keyed by their ids. */
    void write(List<Mention> mentions) throws Exception {
        try (KafkaTestSupport kafka = new KafkaTestSupport(bootstrapServers)) {
            kafka.createTopics(topics, 3);
        }
        ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
        // large batches, one request in flight: fast, and in order without idempotence (see KafkaTestSupport)
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (Mention mention : mentions) {
                producer.send(new ProducerRecord<>(topics.mentions(), mention.id(), Codecs.MENTION.write(mention)),
                        (metadata, error) -> {
                            if (error != null) {
                                failures.add(error);
                            }
                        });
            }
            producer.flush();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " benchmark records were not written, e.g. "
                    + failures.peek());
        }
    }

    /**
     * Reads the whole topic with a plain consumer (read_committed, the model codec checking each
     * record, as the indexer does): the documents in topic order, and how long it took.
     */
    Read read(int expected) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-read-only-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        List<TopicDocument> documents = new ArrayList<>(expected);
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(2).toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.mentions()));
            while (documents.size() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read only " + documents.size() + " of " + expected
                            + " records from " + topics.mentions() + " in 2 minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Codecs.MENTION.read(record.value());
                    documents.add(new TopicDocument(record.key(), record.value()));
                }
            }
        }
        return new Read(documents, (System.nanoTime() - started) / 1e9);
    }

    record Read(List<TopicDocument> documents, double seconds) {}
}
