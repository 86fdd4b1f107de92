package org.stancewatch.index.sink;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.stancewatch.index.templates.IndexKind;

/** The indexer's live counters; {@link #snapshot()} reads them all. */
final class IndexerStats {
    private final Map<IndexKind, AtomicLong> indexed = new EnumMap<>(IndexKind.class);
    final AtomicLong retried = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong deadLettersLost = new AtomicLong();
    final AtomicLong superseded = new AtomicLong();
    final AtomicLong staleMentionsDeleted = new AtomicLong();
    private final LongSupplier pending;

    IndexerStats(LongSupplier pending) {
        this.pending = pending;
        for (IndexKind kind : IndexKind.values()) {
            indexed.put(kind, new AtomicLong());
        }
    }

    void indexed(IndexKind kind) {
        indexed.get(kind).incrementAndGet();
    }

    IndexerProgress snapshot() {
        Map<IndexKind, Long> counts = new EnumMap<>(IndexKind.class);
        indexed.forEach((kind, count) -> counts.put(kind, count.get()));
        return new IndexerProgress(counts, retried.get(), deadLettered.get(), deadLettersLost.get(),
                superseded.get(),
                staleMentionsDeleted.get(), pending.getAsLong());
    }
}
