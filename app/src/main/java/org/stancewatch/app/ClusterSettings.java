package org.stancewatch.app;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.app.pipeline.KafkaConnection;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.kibana.KibanaSettings;

/** The Kafka, Elasticsearch and Kibana settings of the environment (see {@link Environment}). */
final class ClusterSettings {
    private static final Logger log = LoggerFactory.getLogger(ClusterSettings.class);

    private ClusterSettings() {}

    /** {@code KAFKA_BOOTSTRAP_SERVERS}, with the client properties file {@code KAFKA_CLIENT_PROPERTIES} names. */
    static KafkaConnection kafka() {
        KafkaConnection kafka = KafkaConnection.of(Environment.KAFKA_BOOTSTRAP_SERVERS.value(),
                Environment.KAFKA_CLIENT_PROPERTIES.isSet() ? Path.of(Environment.KAFKA_CLIENT_PROPERTIES.value()) : null);
        if (!kafka.cleartextWarning().isEmpty()) {
            log.warn(kafka.cleartextWarning());
        }
        return kafka;
    }

    static ElasticsearchSettings elasticsearch() {
        ElasticsearchSettings config = new ElasticsearchSettings(Environment.ELASTICSEARCH_URL.value(),
                Environment.ELASTICSEARCH_API_KEY.value(), Environment.ELASTICSEARCH_USERNAME.value(),
                Environment.ELASTICSEARCH_PASSWORD.value())
                .withCaCertificate(Environment.ELASTICSEARCH_CA_CERT.isSet()
                        ? Path.of(Environment.ELASTICSEARCH_CA_CERT.value()) : null);
        if (!config.cleartextWarning().isEmpty()) {
            log.warn(config.cleartextWarning());
        }
        return config;
    }

    /** Kibana takes Elasticsearch's credentials. */
    static KibanaSettings kibana(String url) {
        return new KibanaSettings(url, Environment.ELASTICSEARCH_API_KEY.value(),
                Environment.ELASTICSEARCH_USERNAME.value(), Environment.ELASTICSEARCH_PASSWORD.value(),
                java.time.Duration.ofSeconds(60));
    }
}
