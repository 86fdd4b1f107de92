package org.stancewatch.ingest.kafka;

import java.util.Map;
import java.util.Objects;

/**
 * How the crawler reaches Kafka.
 *
 * @param bootstrapServers  the cluster
 * @param clientProperties  extra client settings (security and the like), applied to every client
 * @param instanceId        this crawler instance's stable name: its transactional id and group member
 *                          name derive from it, so a restarted instance fences its previous self
 * @param createTopics      create missing topics at start
 * @param partitions        partitions of topics it creates
 * @param replicationFactor replication of topics it creates
 */
public record KafkaSettings(
        String bootstrapServers,
        Map<String, Object> clientProperties,
        String instanceId,
        boolean createTopics,
        int partitions,
        short replicationFactor) {

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
        Objects.requireNonNull(instanceId, "instanceId");
    }

    /** Defaults for one broker: create topics with 3 partitions, replication 1. */
    public static KafkaSettings of(String bootstrapServers, String instanceId) {
        return new KafkaSettings(bootstrapServers, Map.of(), instanceId, true, 3, (short) 1);
    }

    /** The consumer group whose members share the sources between them. */
    public String groupId() {
        return "stancewatch-crawler";
    }

    public String transactionalId() {
        return "stancewatch-crawler-" + instanceId;
    }
}
