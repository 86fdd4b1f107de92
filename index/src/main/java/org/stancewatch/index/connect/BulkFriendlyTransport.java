package org.stancewatch.index.connect;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.ElasticsearchTransportConfig;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;

/**
 * The client's standard transport (the REST 5 client, with the configured hosts, credentials and
 * mapper), sending its requests as bulk indexing wants them ({@link BulkFriendlyHttpClient}).
 */
final class BulkFriendlyTransport extends ElasticsearchTransportBase {

    private BulkFriendlyTransport(TransportHttpClient httpClient, TransportOptions options, JsonpMapper mapper,
            Instrumentation instrumentation) {
        super(httpClient, options, mapper, instrumentation);
    }

    /** For {@code ElasticsearchTransportConfig.Builder.transportFactory}. */
    static ElasticsearchTransport of(ElasticsearchTransportConfig config) {
        Rest5ClientTransport standard = new Rest5ClientTransport(config);
        return new BulkFriendlyTransport(new BulkFriendlyHttpClient(standard.httpClient()), standard.options(),
                standard.jsonpMapper(), config.instrumentation());
    }

    @Override
    protected ElasticsearchTransportBase cloneWith(TransportOptions options, JsonpMapper mapper,
            Instrumentation instrumentation) {
        return new BulkFriendlyTransport(httpClient, options != null ? options : transportOptions,
                mapper != null ? mapper : this.mapper, instrumentation != null ? instrumentation : this.instrumentation);
    }
}
