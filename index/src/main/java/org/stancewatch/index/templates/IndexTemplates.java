package org.stancewatch.index.templates;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs stancewatch's templates and indices, idempotently: the settings and mappings
 * component templates, one composable index template per {@link IndexKind}, and where the write
 * alias is missing, the first concrete index with the alias as its write index. Where the alias
 * exists, the current mappings are put on it too, so fields added in a new version appear in
 * existing indices (a conflicting change fails with Elasticsearch's reason).
 *
 * <p>Nothing here needs x-pack: no ILM, no data streams, only the {@code standard} analyzer, so
 * the same templates install on the embedded node and on a full Elasticsearch. One shard with
 * {@code auto_expand_replicas: 0-1}: green on one node, one replica on a cluster.
 */
public final class IndexTemplates {
    private static final Logger log = LoggerFactory.getLogger(IndexTemplates.class);

    /** What {@link #install} did. */
    public record Result(List<String> templates, List<String> createdIndices, List<String> updatedAliases) {}

    private final ElasticsearchClient client;
    private final IndexLayout layout;

    public IndexTemplates(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    public Result install() {
        List<String> templates = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        call("put component template " + layout.settingsComponent(), () -> client.cluster().putComponentTemplate(
                t -> t.name(layout.settingsComponent()).withJson(new StringReader(TemplateResources.settingsComponent()))));
        templates.add(layout.settingsComponent());
        for (IndexKind kind : IndexKind.values()) {
            String component = layout.mappingsComponent(kind);
            call("put component template " + component, () -> client.cluster().putComponentTemplate(
                    t -> t.name(component).withJson(new StringReader(TemplateResources.mappingsComponent(kind)))));
            templates.add(component);
            String template = layout.indexTemplate(kind);
            String body = TemplateResources.indexTemplate(kind, layout);
            call("put index template " + template, () -> client.indices().putIndexTemplate(t -> t
                    .name(template).withJson(new StringReader(body))));
            templates.add(template);
            if (createIndexIfMissing(kind)) {
                created.add(layout.firstIndex(kind));
            } else {
                putCurrentMappings(kind);
                updated.add(layout.alias(kind));
            }
        }
        log.info("Elasticsearch templates installed ({}); created {}", templates.size(),
                created.isEmpty() ? "no index (all existed)" : String.join(", ", created));
        return new Result(templates, created, updated);
    }

    private boolean createIndexIfMissing(IndexKind kind) {
        String alias = layout.alias(kind);
        boolean exists = call("check alias " + alias, () -> client.indices().existsAlias(a -> a.name(alias))).value();
        if (exists) {
            return false;
        }
        try {
            client.indices().create(c -> c.index(layout.firstIndex(kind))
                    .aliases(alias, a -> a.isWriteIndex(true)));
            return true;
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return false; // another indexer instance created it first
            }
            throw failure("create index " + layout.firstIndex(kind), e);
        } catch (IOException e) {
            throw failure("create index " + layout.firstIndex(kind), e);
        }
    }

    private void putCurrentMappings(IndexKind kind) {
        String alias = layout.alias(kind);
        String mappings = TemplateResources.mappings(kind).toString();
        call("update the mappings of " + alias,
                () -> client.indices().putMapping(m -> m.index(alias).withJson(new StringReader(mappings))));
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (IOException | ElasticsearchException e) {
            throw failure(what, e);
        }
    }

    private static IndexSetupException failure(String what, Exception e) {
        String reason = e instanceof ElasticsearchException es && es.error() != null
                ? es.error().type() + ": " + es.error().reason() : e.getMessage();
        return new IndexSetupException("cannot " + what + " in Elasticsearch: " + reason, e);
    }
}
