package org.stancewatch.app.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stancewatch.app.pipeline.KafkaConnection;
import org.stancewatch.kafka.KafkaTopicReader;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.json.RecordFormatException;
import org.stancewatch.model.kafka.KafkaTopic;
import org.stancewatch.model.kafka.KafkaTopics;

/** Reads the stages' dead-letter topics: every committed dead letter, from the start to the end at the call. */
public final class DeadLetterKafkaTopics {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private final KafkaConnection kafka;

    public DeadLetterKafkaTopics(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    /** The dead letters of the selection, oldest first per topic; stages in pipeline order. */
    public List<StoredDeadLetter> read(DeadLetterSelection selection) {
        List<StoredDeadLetter> letters = new ArrayList<>();
        for (KafkaTopic<String, DeadLetter> topic : List.of(KafkaTopics.INGEST_DLQ, KafkaTopics.ANALYZE_DLQ,
                KafkaTopics.INDEX_DLQ,
                KafkaTopics.NOTIFY_DLQ)) {
            if (selection.includesStage(stageOf(topic))) {
                readTopic(topic, selection, letters);
            }
        }
        return letters;
    }

    static String stageOf(KafkaTopic<String, DeadLetter> topic) {
        return topic.name().substring("stancewatch.".length(), topic.name().length() - ".dlq".length());
    }

    private void readTopic(KafkaTopic<String, DeadLetter> topic, DeadLetterSelection selection, List<StoredDeadLetter> into) {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "stancewatch-dlq");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            // a topic that does not exist yet reads as empty: nothing failed
            KafkaTopicReader.readToEnd(consumer, topic.name(), READ_TIMEOUT, record -> {
                StoredDeadLetter stored = decode(topic, record);
                if (stored != null && selection.matches(stored)) {
                    into.add(stored);
                }
            });
        }
    }

    /** The dead letter, or null for a record that is not one (it is skipped: this tool must not fail on it). */
    private static StoredDeadLetter decode(KafkaTopic<String, DeadLetter> topic, ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            DeadLetter letter = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
            return new StoredDeadLetter(record.key(), letter,
                    record.topic() + "-" + record.partition() + "@" + record.offset());
        } catch (RecordFormatException | IllegalArgumentException e) {
            return null;
        }
    }
}
