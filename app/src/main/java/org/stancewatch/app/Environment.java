package org.stancewatch.app;

/**
 * The environment variables stancewatch reads, with their defaults. This is the one list: the
 * command line, docker-compose.yml and docs/configuration.md all follow it (a test checks compose).
 */
public enum Environment {
    KAFKA_BOOTSTRAP_SERVERS("localhost:9092", "Kafka bootstrap servers"),
    KAFKA_CLIENT_PROPERTIES("", "Kafka client properties file (security.protocol, SASL, TLS), for a secured cluster"),
    ELASTICSEARCH_URL("http://localhost:9200", "Elasticsearch URL"),
    ELASTICSEARCH_API_KEY("", "Elasticsearch API key (base64), for a secured cluster"),
    ELASTICSEARCH_USERNAME("", "Elasticsearch user, for a secured cluster"),
    ELASTICSEARCH_PASSWORD("", "Elasticsearch password, for a secured cluster"),
    ELASTICSEARCH_CA_CERT("", "PEM file of the CA that signed Elasticsearch's certificate (https)"),
    KIBANA_URL("http://localhost:5601", "Kibana URL, for 'kibana setup'"),
    STANCEWATCH_HOME("data", "data folder of the embedded services");

    private final String defaultValue;
    private final String description;

    Environment(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** True when the variable is set to something. */
    public boolean isSet() {
        String value = System.getenv(name());
        return value != null && !value.isBlank();
    }

    /** The variable's value, or its default. */
    public String value() {
        return isSet() ? System.getenv(name()).strip() : defaultValue;
    }
}
