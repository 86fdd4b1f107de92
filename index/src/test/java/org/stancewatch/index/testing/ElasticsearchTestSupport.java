package org.stancewatch.index.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.stancewatch.index.connect.ElasticsearchClients;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;

/** Counting and reading documents back, for the indexer's tests. */
public final class ElasticsearchTestSupport implements AutoCloseable {
    private final ElasticsearchClient client;
    private final IndexLayout layout;

    public ElasticsearchTestSupport(String url, IndexLayout layout) {
        this.client = ElasticsearchClients.create(ElasticsearchSettings.of(url));
        this.layout = layout;
    }

    public ElasticsearchClient client() {
        return client;
    }

    /** Documents in the kind's index now (after a refresh). */
    public long count(IndexKind kind) {
        try {
            client.indices().refresh(r -> r.index(layout.alias(kind)));
            return client.count(c -> c.index(layout.alias(kind))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            return -1; // the index does not exist yet
        }
    }

    /** Every document of the kind (up to 10,000), sources as JSON objects. */
    public List<ObjectNode> all(IndexKind kind) {
        try {
            client.indices().refresh(r -> r.index(layout.alias(kind)));
            return client.search(s -> s.index(layout.alias(kind)).size(10_000), ObjectNode.class).hits().hits()
                    .stream().map(h -> h.source()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of every document of the kind (up to 10,000). */
    public List<String> ids(IndexKind kind) {
        try {
            client.indices().refresh(r -> r.index(layout.alias(kind)));
            return client.search(s -> s.index(layout.alias(kind)).size(10_000).source(src -> src.fetch(false)),
                    ObjectNode.class).hits().hits().stream().map(h -> h.id()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
