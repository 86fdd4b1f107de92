package org.stancewatch.index.sink;

import java.time.Duration;

/**
 * How the indexer batches and paces its writes.
 *
 * @param maxOperations       documents per bulk request
 * @param maxBytes            bytes per bulk request
 * @param flushInterval       a partly filled bulk is sent after this long
 * @param maxConcurrentRequests bulk requests in flight at once
 * @param maxPendingDocuments consumption pauses while this many documents await Elasticsearch
 * @param maxPendingBytes     ... or this many bytes of them
 * @param backoff             delays between retries of 429 / 5xx / unreachable, for as long as
 *                            it takes: the indexer waits for Elasticsearch, it never dead-letters
 *                            a document for the cluster's trouble
 * @param commitInterval      how often offsets are committed
 */
public record BulkSettings(
        int maxOperations,
        long maxBytes,
        Duration flushInterval,
        int maxConcurrentRequests,
        int maxPendingDocuments,
        long maxPendingBytes,
        Backoff backoff,
        Duration commitInterval) {

    public BulkSettings {
        if (maxOperations < 1 || maxBytes < 1 || maxConcurrentRequests < 1 || maxPendingDocuments < 1
                || maxPendingBytes < 1) {
            throw new IllegalArgumentException("bulk limits must be positive");
        }
    }

    /** 1,000 documents or 5 MiB per request, 1 s flush, 2 requests in flight. */
    public static BulkSettings defaults() {
        return new BulkSettings(1000, 5L << 20, Duration.ofSeconds(1), 2, 20_000, 64L << 20,
                Backoff.defaults(), Duration.ofSeconds(1));
    }

    public BulkSettings withMaxOperations(int value) {
        return new BulkSettings(value, maxBytes, flushInterval, maxConcurrentRequests, maxPendingDocuments,
                maxPendingBytes, backoff, commitInterval);
    }

    public BulkSettings withBackoff(Backoff value) {
        return new BulkSettings(maxOperations, maxBytes, flushInterval, maxConcurrentRequests, maxPendingDocuments,
                maxPendingBytes, value, commitInterval);
    }

    public BulkSettings withMaxConcurrentRequests(int value) {
        return new BulkSettings(maxOperations, maxBytes, flushInterval, value, maxPendingDocuments,
                maxPendingBytes, backoff, commitInterval);
    }
}
