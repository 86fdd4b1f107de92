package org.stancewatch.app.pipeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.stancewatch.kafka.KafkaClientProperties;

/**
 * How every stage reaches Kafka: the bootstrap servers and the client properties of a secured
 * cluster (SASL, TLS; see {@link KafkaClientProperties}), the same for producers, consumers,
 * admin clients and Kafka Streams.
 *
 * @param bootstrapServers e.g. {@code localhost:9092}
 * @param clientProperties e.g. {@code security.protocol=SASL_SSL}; empty for an open cluster
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientProperties) {

    public KafkaConnection {
        clientProperties = Map.copyOf(clientProperties);
    }

    /** An open cluster, such as the embedded broker. */
    public static KafkaConnection plain(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** The servers, with the client properties of {@code propertiesFile} when there is one (null: none). */
    public static KafkaConnection of(String bootstrapServers, Path propertiesFile) {
        return new KafkaConnection(bootstrapServers,
                propertiesFile == null ? Map.of() : KafkaClientProperties.load(propertiesFile));
    }

    /** Configuration of an admin client. */
    public Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>(KafkaClientProperties.connectionOf(clientProperties));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return config;
    }

    /** A warning when these settings send a password in clear text, else empty. */
    public String cleartextWarning() {
        return KafkaClientProperties.cleartextWarning(clientProperties);
    }
}
