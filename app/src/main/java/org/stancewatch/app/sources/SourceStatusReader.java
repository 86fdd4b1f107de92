package org.stancewatch.app.sources;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stancewatch.app.pipeline.KafkaConnection;
import org.stancewatch.kafka.KafkaReadTimeoutException;
import org.stancewatch.kafka.KafkaTopicReader;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.model.json.RecordFormatException;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Reads {@code stancewatch.sources} from its start to its end at the call, keeping each source's
 * latest record. A record that is not a status is kept as such, with the reason, rather than
 * stopping the read: one bad record must not hide the other sources.
 */
public final class SourceStatusReader {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private final KafkaConnection kafka;

    public SourceStatusReader(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    /** Each source's latest status by name; empty when the topic does not exist yet (nothing crawled). */
    public Map<String, StoredStatus> latest() {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "stancewatch-sources");
        Map<String, StoredStatus> latest = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            // a topic that does not exist yet reads as empty: nothing crawled
            KafkaTopicReader.readToEnd(consumer, KafkaTopics.SOURCES.name(), READ_TIMEOUT, record -> keepLatest(latest, record));
        } catch (KafkaReadTimeoutException e) {
            throw new IllegalStateException(e.getMessage() + "; is Kafka at " + kafka.bootstrapServers() + " overloaded?", e);
        }
        return latest;
    }

    private static void keepLatest(Map<String, StoredStatus> latest, ConsumerRecord<String, byte[]> record) {
        String key = record.key() == null ? "(no key)" : record.key();
        if (record.value() == null) {
            latest.remove(key); // a tombstone: the source's status was deleted
        } else {
            latest.put(key, decode(key, record.value(), record.topic() + "-" + record.partition() + "@" + record.offset()));
        }
    }

    /** The status a record holds, or what is wrong with it. */
    public static StoredStatus decode(String key, byte[] value, String where) {
        try {
            SourceStatus status = KafkaTopics.SOURCES.valueSerde().deserializer().deserialize(KafkaTopics.SOURCES.name(), value);
            return StoredStatus.of(status);
        } catch (RecordFormatException | IllegalArgumentException e) {
            return StoredStatus.unreadable(key, e.getMessage(), where);
        }
    }
}
