package org.stancewatch.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stancewatch.app.pipeline.KafkaConnection;
import org.stancewatch.embedded.EmbeddedElasticsearch;
import org.stancewatch.embedded.EmbeddedKafka;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.Ports;
import org.stancewatch.embedded.ProcessMemory;
import org.stancewatch.index.connect.ElasticsearchSettings;

/**
 * The Kafka and Elasticsearch a pipeline runs on: those {@code KAFKA_BOOTSTRAP_SERVERS} and
 * {@code ELASTICSEARCH_URL} name, or else embedded ones started here (and stopped on close).
 */
final class Clusters implements AutoCloseable {
    private final EmbeddedServices embedded;
    private final KafkaConnection kafka;
    private final ElasticsearchSettings elasticsearch;
    private final List<String> description;

    private Clusters(EmbeddedServices embedded, KafkaConnection kafka, ElasticsearchSettings elasticsearch,
                     List<String> description) {
        this.embedded = embedded;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.description = description;
    }

    /** The clusters of the environment; each one it does not name starts embedded under {@code home}. */
    static Clusters fromEnvironment(Path home, Ports ports) {
        boolean kafkaGiven = Environment.KAFKA_BOOTSTRAP_SERVERS.isSet();
        boolean elasticsearchGiven = Environment.ELASTICSEARCH_URL.isSet();
        if (kafkaGiven && elasticsearchGiven) {
            return external();
        }
        EmbeddedServices services = new EmbeddedServices(home, ports);
        try {
            if (!kafkaGiven && !elasticsearchGiven) {
                services.startAll();
            }
            List<String> description = new ArrayList<>();
            KafkaConnection kafka = kafkaGiven ? ClusterSettings.kafka()
                    : KafkaConnection.plain(services.kafkaBootstrapServers());
            ElasticsearchSettings elasticsearch = elasticsearchGiven ? ClusterSettings.elasticsearch()
                    : ElasticsearchSettings.of(services.elasticsearchUrl());
            description.add(kafkaGiven ? "Kafka          " + kafka.bootstrapServers() + " (KAFKA_BOOTSTRAP_SERVERS)"
                    : describe(services.kafka()));
            description.add(elasticsearchGiven ? "Elasticsearch  " + elasticsearch.url() + " (ELASTICSEARCH_URL)"
                    : describe(services.elasticsearch()));
            return new Clusters(services, kafka, elasticsearch, description);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** Always embedded, under {@code home}, whatever the environment says. */
    static Clusters embedded(Path home, Ports ports) {
        EmbeddedServices services = new EmbeddedServices(home, ports);
        try {
            services.startAll();
            return new Clusters(services, KafkaConnection.plain(services.kafkaBootstrapServers()),
                    ElasticsearchSettings.of(services.elasticsearchUrl()),
                    List.of(describe(services.kafka()), describe(services.elasticsearch())));
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private static Clusters external() {
        ElasticsearchSettings elasticsearch = ClusterSettings.elasticsearch();
        KafkaConnection kafka = ClusterSettings.kafka();
        return new Clusters(null, kafka, elasticsearch, List.of(
                "Kafka          " + kafka.bootstrapServers() + " (KAFKA_BOOTSTRAP_SERVERS)",
                "Elasticsearch  " + elasticsearch.url() + " (ELASTICSEARCH_URL)"));
    }

    KafkaConnection kafka() {
        return kafka;
    }

    ElasticsearchSettings elasticsearch() {
        return elasticsearch;
    }

    /** One line per cluster: where it is, and for embedded ones their start-up time and memory. */
    List<String> description() {
        return description;
    }

    /** Resident memory of the embedded servers, in bytes (0 for clusters elsewhere). */
    long embeddedResidentBytes() {
        if (embedded == null) {
            return 0;
        }
        return ProcessMemory.residentBytes(embedded.kafka().pid()).orElse(0)
                + ProcessMemory.residentBytes(embedded.elasticsearch().pid()).orElse(0);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String describe(EmbeddedKafka kafka) {
        return String.format("Kafka          %s (embedded, ready in %.1f s, %s, data %s)", kafka.bootstrapServers(),
                kafka.startupTime().toMillis() / 1000.0, ProcessMemory.describe(kafka.pid()), kafka.dataDir());
    }

    private static String describe(EmbeddedElasticsearch node) {
        return String.format("Elasticsearch  %s (embedded, ready in %.1f s, %s, data %s)", node.url(),
                node.startupTime().toMillis() / 1000.0, ProcessMemory.describe(node.pid()), node.dataDir());
    }
}
