package org.stancewatch.index.sink;

import java.util.Map;
import org.stancewatch.index.templates.IndexKind;

/**
 * A snapshot of the indexer's counters since it started.
 *
 * @param indexed        documents Elasticsearch acknowledged, per index (deletes included)
 * @param retried        retries of documents after a 429, a 5xx or an unreachable cluster
 * @param deadLettered   records sent to the dead-letter topic (unreadable or rejected)
 * @param deadLettersLost dead letters Kafka refused for good (their records skipped without one)
 * @param superseded     records skipped because a newer version of the document was already there
 * @param staleMentionsDeleted mentions of an older article revision removed after a new revision
 * @param pending        records read but not yet acknowledged
 */
public record IndexerProgress(
        Map<IndexKind, Long> indexed,
        long retried,
        long deadLettered,
        long deadLettersLost,
        long superseded,
        long staleMentionsDeleted,
        long pending) {

    public IndexerProgress {
        indexed = Map.copyOf(indexed);
    }

    public long indexed(IndexKind kind) {
        return indexed.getOrDefault(kind, 0L);
    }

    public long indexedTotal() {
        return indexed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line for a progress display. */
    @Override
    public String toString() {
        return String.format("indexed %d (articles %d, mentions %d, stance %d, alerts %d), %d retried, "
                        + "%d dead-lettered%s, %d pending",
                indexedTotal(), indexed(IndexKind.ARTICLES), indexed(IndexKind.MENTIONS), indexed(IndexKind.STANCE),
                indexed(IndexKind.ALERTS), retried, deadLettered,
                deadLettersLost == 0 ? "" : " (" + deadLettersLost + " LOST: refused by Kafka)", pending);
    }
}
