package org.stancewatch.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The client properties of the stages that consume as a group and the producers they write
 * with, so that each guarantee is set in one place. The caller's overrides (security settings,
 * see {@link KafkaClientProperties}) are applied last.
 */
public final class KafkaClientDefaults {
    private KafkaClientDefaults() {}

    /**
     * A member of a consumer group that commits its offsets itself, once what it read is safe.
     *
     * @param offsetReset    where a group without committed offsets starts: {@code earliest} or {@code latest}
     * @param maxPollRecords the most records one poll returns
     */
    public static Map<String, Object> groupConsumer(String bootstrapServers, String groupId, String clientId,
                                                    String offsetReset, int maxPollRecords,
                                                    Map<String, ?> overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
        // analyze writes in transactions: never act on what an aborted one wrote
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // a topic the consumer created would have the broker's default partitions and retention
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.putAll(overrides);
        return props;
    }

    /**
     * A producer whose acknowledged records are on every in-sync replica and whose retries never
     * write a record twice.
     */
    public static Map<String, Object> safeProducer(String bootstrapServers, String clientId, Map<String, ?> overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.putAll(overrides);
        return props;
    }
}
