package org.stancewatch.index.benchmark;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.stancewatch.index.connect.ElasticsearchClients;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.templates.IndexTemplates;

/**
 * The indices of one benchmark run: installed from stancewatch's own templates before it (so both
 * paths write into identically configured indices), counted and deleted after it (so every run
 * starts on a node holding the same).
 */
final class BenchmarkIndices implements AutoCloseable {
    private final ElasticsearchClient client;

    BenchmarkIndices(String elasticsearchUrl) {
        this.client = ElasticsearchClients.create(ElasticsearchSettings.of(elasticsearchUrl));
    }

    void install(IndexLayout layout) {
        new IndexTemplates(client, layout).install();
    }

    /** Documents in the layout's mentions index, after a refresh. */
    long mentions(IndexLayout layout) throws IOException {
        String alias = layout.alias(IndexKind.MENTIONS);
        client.indices().refresh(r -> r.index(alias));
        return client.count(c -> c.index(alias)).count();
    }

    void delete(IndexLayout layout) throws IOException {
        for (IndexKind kind : IndexKind.values()) {
            client.indices().delete(d -> d.index(layout.firstIndex(kind)));
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
