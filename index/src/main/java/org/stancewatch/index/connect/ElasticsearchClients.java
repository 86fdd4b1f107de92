package org.stancewatch.index.connect;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import org.stancewatch.model.json.Json;

/** Builds the official Java client from an {@link ElasticsearchSettings}. */
public final class ElasticsearchClients {
    private ElasticsearchClients() {}

    /**
     * A client that reads and writes JSON with stancewatch's own mapper (ISO-8601 instants), so
     * documents and query results use the same JSON as the Kafka records, and that sends its
     * requests as bulk indexing wants them ({@link BulkFriendlyHttpClient}). Close it when done.
     */
    public static ElasticsearchClient create(ElasticsearchSettings config) {
        return ElasticsearchClient.of(b -> {
            b.host(config.url()).jsonMapper(new JacksonJsonpMapper(Json.mapper()))
                    .transportFactory(BulkFriendlyTransport::of);
            if (config.caCertificate() != null) {
                b.sslContext(TrustedCertificates.sslContext(config.caCertificate()));
            }
            if (config.hasApiKey()) {
                b.apiKey(config.apiKey());
            } else if (config.hasUser()) {
                b.usernameAndPassword(config.username(), config.password());
            }
            return b;
        });
    }
}
