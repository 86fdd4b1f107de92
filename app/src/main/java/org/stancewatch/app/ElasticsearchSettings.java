package org.stancewatch.app;

import org.stancewatch.index.connect.ElasticsearchConfig;
import org.stancewatch.index.kibana.KibanaConfig;

/** The Elasticsearch and Kibana settings of the environment (see {@link Environment}). */
final class ElasticsearchSettings {
    private ElasticsearchSettings() {}

    static ElasticsearchConfig elasticsearch() {
        return new ElasticsearchConfig(Environment.ELASTICSEARCH_URL.value(), Environment.ELASTICSEARCH_API_KEY.value(),
                Environment.ELASTICSEARCH_USERNAME.value(), Environment.ELASTICSEARCH_PASSWORD.value());
    }

    /** Kibana takes Elasticsearch's credentials. */
    static KibanaConfig kibana(String url) {
        return new KibanaConfig(url, Environment.ELASTICSEARCH_API_KEY.value(),
                Environment.ELASTICSEARCH_USERNAME.value(), Environment.ELASTICSEARCH_PASSWORD.value(),
                java.time.Duration.ofSeconds(60));
    }
}
