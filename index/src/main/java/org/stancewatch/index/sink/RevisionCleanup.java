package org.stancewatch.index.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;

/**
 * Removes the mentions of an article revision that a newer revision no longer has.
 *
 * <p>A new revision's mentions overwrite the old ones with the same id (same sentence and
 * actor), but a sentence that was edited out leaves its old mentions behind. Articles and
 * mentions arrive on different topics in any order, so both orders are covered:
 * <ul>
 *   <li>after article revision N is indexed, mentions of that article with revision &lt; N are
 *       searched (after a refresh, so that mentions acknowledged just before are seen) and
 *       deleted;
 *   <li>after mentions are indexed, the current revision of their articles is read (a realtime
 *       multi-get, no refresh needed) and any mention older than it is deleted again.
 * </ul>
 * Deletes by id carry the mention's revision as an {@code external_gte} version, so they never
 * remove a newer revision's mention with the same id.
 *
 * <p>Analyze retracts those mentions too, with tombstones on the mentions topic, which delete them
 * here as well. Both are needed: the tombstones retract them from analyze's aggregates and from
 * every reader of the topic, but some revisions bring none (analyze no longer holds the article,
 * past its state retention or under a new application id; the revision's scoring failed), and
 * articles come straight from the crawler, ahead of their scored mentions, so without this the
 * index would show a new revision with its predecessor's edited-out mentions, for a while or for good.
 */
final class RevisionCleanup {
    private final ElasticsearchClient client;
    private final IndexLayout layout;
    /** More mentions than one article can have: one per sentence and actor. */
    private static final int MAX_MENTIONS_PER_ARTICLE = 10_000;

    RevisionCleanup(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    /** Deletes mentions older than each of these article revisions; returns how many. */
    long afterArticles(List<PendingDocument> articles) throws IOException {
        String mentions = layout.alias(IndexKind.MENTIONS);
        client.indices().refresh(r -> r.index(mentions));
        List<StaleMention> stale = new ArrayList<>();
        for (PendingDocument article : articles) {
            // search, then delete by id: delete-by-query lives in a module the minimal node lacks
            SearchResponse<ObjectNode> older = client.search(s -> s.index(mentions)
                    .size(MAX_MENTIONS_PER_ARTICLE)
                    .source(src -> src.filter(f -> f.includes("revision")))
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("articleId").value(article.id())))
                            .filter(f -> f.range(r -> r.number(n -> n.field("revision")
                                    .lt((double) article.revision())))))), ObjectNode.class);
            for (Hit<ObjectNode> hit : older.hits().hits()) {
                stale.add(new StaleMention(hit.id(), hit.source() == null ? 0 : hit.source().path("revision").asInt()));
            }
        }
        return delete(stale);
    }

    /** Deletes those of these mentions whose article has a newer revision; returns how many. */
    long afterMentions(List<PendingDocument> mentions) throws IOException {
        List<String> articleIds = mentions.stream().map(PendingDocument::articleId).distinct().toList();
        MgetResponse<ObjectNode> current = client.mget(m -> m.index(layout.alias(IndexKind.ARTICLES))
                .ids(articleIds).sourceIncludes("revision"), ObjectNode.class);
        Map<String, Integer> revisions = new HashMap<>();
        for (MultiGetResponseItem<ObjectNode> item : current.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                revisions.put(item.result().id(), item.result().source().path("revision").asInt(0));
            }
        }
        List<StaleMention> stale = new ArrayList<>();
        for (PendingDocument mention : mentions) {
            Integer revision = revisions.get(mention.articleId());
            if (revision != null && mention.revision() < revision) {
                stale.add(new StaleMention(mention.id(), mention.revision()));
            }
        }
        return delete(stale);
    }

    private record StaleMention(String id, int revision) {}

    /**
     * Deletes by id with the mention's revision as an external version: a newer revision's
     * mention with the same id that arrived meanwhile is kept (409, ignored).
     */
    private long delete(List<StaleMention> stale) throws IOException {
        if (stale.isEmpty()) {
            return 0;
        }
        String mentions = layout.alias(IndexKind.MENTIONS);
        List<BulkOperation> deletes = stale.stream().map(m -> BulkOperation.of(op -> op.delete(d -> d.index(mentions)
                .id(m.id()).versionType(VersionType.ExternalGte).version((long) m.revision())))).toList();
        BulkResponse response = client.bulk(b -> b.operations(deletes));
        long deleted = 0;
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null && "deleted".equals(item.result())) {
                deleted++;
            } else if (item.error() != null && item.status() != 409) {
                throw new IOException("cannot delete stale mention " + item.id() + ": " + ItemOutcome.describe(item.error()));
            }
        }
        return deleted;
    }
}
