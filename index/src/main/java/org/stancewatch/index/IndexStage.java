package org.stancewatch.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.stancewatch.index.connect.ElasticsearchClients;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.sink.Indexer;
import org.stancewatch.index.sink.IndexerProgress;
import org.stancewatch.index.sink.IndexerSettings;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.templates.IndexSetupException;
import org.stancewatch.index.templates.IndexTemplates;

/**
 * The index stage as an application runs it: the indexer that writes the pipeline's topics into
 * Elasticsearch, and the index templates it writes into. One of the stage's entry points, with
 * {@link Trends} (what the indices say) and {@link Kibana} (the dashboards over them); what lies
 * behind them may change without touching their callers.
 *
 * <p>Records of the stage's data contract cross this surface as they are: the settings
 * ({@link IndexerSettings}, {@link ElasticsearchSettings}) and the indexer's figures
 * ({@link IndexerProgress}, counted by {@link IndexKind}). Elasticsearch refusing the templates
 * is an {@link IndexSetupException}.
 */
public final class IndexStage implements AutoCloseable {
    private final Indexer indexer;

    private IndexStage(Indexer indexer) {
        this.indexer = indexer;
    }

    /** Starts the indexer: it reads the record topics from its group's offsets until closed. */
    public static IndexStage start(IndexerSettings config) {
        return new IndexStage(Indexer.start(config));
    }

    /**
     * Installs the index templates and aliases, creating the indices that are missing.
     *
     * @return the indices created, none when all existed
     * @throws IndexSetupException when Elasticsearch refuses them
     * @throws IOException         when the connection to Elasticsearch fails to close
     */
    public static List<String> installTemplates(ElasticsearchSettings elasticsearch) throws IOException {
        try (ElasticsearchClient client = ElasticsearchClients.create(elasticsearch)) {
            return new IndexTemplates(client, IndexLayout.defaults()).install().createdIndices();
        }
    }

    public IndexerProgress progress() {
        return indexer.progress();
    }

    /** False once the indexer has stopped, closed or failed. */
    public boolean isRunning() {
        return indexer.isRunning();
    }

    /** Why the indexer stopped by itself, if it did. */
    public Optional<Throwable> failure() {
        return indexer.failure();
    }

    /** Stops the indexer once Elasticsearch has acknowledged what is in flight. */
    @Override
    public void close() {
        indexer.close();
    }
}
