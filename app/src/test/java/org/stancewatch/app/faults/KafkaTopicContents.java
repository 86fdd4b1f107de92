package org.stancewatch.app.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stancewatch.kafka.KafkaTopicReader;

/**
 * Everything a topic holds, read from the start to the end offsets of the moment, as a consumer
 * of the given isolation level sees it: {@code read_committed} is what the analysis and the
 * indexer read; {@code read_uncommitted} adds the records of aborted and still open transactions.
 */
final class KafkaTopicContents {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private KafkaTopicContents() {}

    static <V> List<ConsumerRecord<String, V>> read(String bootstrap, String topic, Deserializer<V> values,
                                                    IsolationLevel isolation) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            // under read_committed the end is the last stable offset: an open transaction ends the read
            return KafkaTopicReader.readToEnd(consumer, topic, READ_TIMEOUT);
        }
    }

    /**
     * Deletes everything the topic holds up to its end offsets of the moment. Tests of one JVM share
     * the embedded broker's topics, and a later test's pipeline would read this test's records too:
     * articles dated elsewhere in time move its stream time and make its own articles late.
     */
    static void clear(Admin admin, String topic) throws Exception {
        Map<TopicPartition, RecordsToDelete> upToEnd = new HashMap<>();
        admin.listOffsets(latestOffsets(admin, topic)).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, end) -> upToEnd.put(partition, RecordsToDelete.beforeOffset(end.offset())));
        admin.deleteRecords(upToEnd).all().get(30, TimeUnit.SECONDS);
    }

    /** An offset request for the end of each of the topic's partitions. */
    static Map<TopicPartition, OffsetSpec> latestOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var info : admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic).partitions()) {
            latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
        }
        return latest;
    }
}
