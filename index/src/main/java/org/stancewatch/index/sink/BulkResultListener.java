package org.stancewatch.index.sink;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every item of every bulk response and hands each document to the dispatcher with its
 * {@link ItemOutcome}. A request that failed as a whole (Elasticsearch unreachable, or an error
 * for the whole request) retries all its documents with back-off, for as long as it takes.
 */
final class BulkResultListener implements BulkListener<PendingDocument> {
    private static final Logger log = LoggerFactory.getLogger(BulkResultListener.class);
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final DocumentDispatcher dispatcher;
    private final String elasticsearchUrl;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    BulkResultListener(DocumentDispatcher dispatcher, String elasticsearchUrl) {
        this.dispatcher = dispatcher;
        this.elasticsearchUrl = elasticsearchUrl;
    }

    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<PendingDocument> documents) {
        // nothing to do before; every outcome is handled after
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<PendingDocument> documents,
            BulkResponse response) {
        List<BulkResponseItem> items = response.items();
        List<PendingDocument> indexed = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            PendingDocument document = documents.get(i);
            if (i >= items.size()) { // never expected; retrying is the safe answer
                dispatcher.retry(document, "no result for this item in the bulk response");
                continue;
            }
            BulkResponseItem item = items.get(i);
            ItemOutcome outcome = ItemOutcome.of(item.status(), item.error());
            switch (outcome.verdict()) {
                case INDEXED -> indexed.add(document);
                case SUPERSEDED -> dispatcher.superseded(document);
                case RETRY -> dispatcher.retry(document, outcome.message());
                case INDEX_MISSING -> dispatcher.indexMissing(document, outcome.message());
                case REJECTED -> dispatcher.reject(document, outcome.reason(), outcome.message());
            }
        }
        if (!indexed.isEmpty()) {
            dispatcher.indexed(indexed);
        }
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<PendingDocument> documents, Throwable failure) {
        String why = describe(failure);
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("bulk request of {} documents to Elasticsearch at {} failed ({}); retrying with back-off",
                    documents.size(), elasticsearchUrl, why);
        }
        for (PendingDocument document : documents) {
            dispatcher.retry(document, why);
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ElasticsearchException es && es.error() != null) {
            return "HTTP " + es.status() + " " + ItemOutcome.describe(es.error());
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == failure ? message : failure.getClass().getSimpleName() + ": " + message;
    }
}
