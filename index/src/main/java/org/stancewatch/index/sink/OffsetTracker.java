package org.stancewatch.index.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets are safe to commit: for each partition, the lowest offset whose record is not yet
 * acknowledged by Elasticsearch (or dead-lettered), or the offset after the last record read when
 * every record is done. Records complete in any order; the committed offset only ever covers an
 * unbroken run of completed records, so a crash replays whatever was not acknowledged.
 */
final class OffsetTracker {
    private static final class PartitionState {
        final TreeMap<Long, Long> outstanding = new TreeMap<>(); // offset -> bytes
        long next = -1;
        long committed = -1;
    }

    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
    private int outstandingCount;
    private long outstandingBytes;

    /** A record was read and is on its way. */
    synchronized void started(TopicPartition partition, long offset, long bytes) {
        PartitionState state = partitions.computeIfAbsent(partition, p -> new PartitionState());
        if (state.outstanding.put(offset, bytes) == null) {
            outstandingCount++;
            outstandingBytes += bytes;
        }
        state.next = Math.max(state.next, offset + 1);
    }

    /**
     * The consumer's position after a poll. It can lie beyond the last record read: a
     * transactional producer's commit markers take offsets but are never returned as records.
     * Committing the position once everything before it is done lets a caught-up group show no
     * lag.
     */
    synchronized void readUpTo(TopicPartition partition, long position) {
        PartitionState state = partitions.get(partition);
        if (state != null) {
            state.next = Math.max(state.next, position);
        }
    }

    /** The partitions this instance has read records of. */
    synchronized java.util.Set<TopicPartition> partitions() {
        return java.util.Set.copyOf(partitions.keySet());
    }

    /** The record is acknowledged (indexed, superseded or dead-lettered). Unknown ones are ignored. */
    synchronized void completed(TopicPartition partition, long offset) {
        PartitionState state = partitions.get(partition);
        if (state == null) {
            return; // revoked meanwhile: its new owner replays it, the write is idempotent
        }
        Long bytes = state.outstanding.remove(offset);
        if (bytes != null) {
            outstandingCount--;
            outstandingBytes -= bytes;
        }
    }

    /** The offsets that can be committed now and were not committed yet. */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((partition, state) -> {
            long safe = state.outstanding.isEmpty() ? state.next : state.outstanding.firstKey();
            if (safe > state.committed) {
                offsets.put(partition, new OffsetAndMetadata(safe));
            }
        });
        return offsets;
    }

    synchronized void markCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionState state = partitions.get(partition);
            if (state != null) {
                state.committed = Math.max(state.committed, offset.offset());
            }
        });
    }

    /** Forgets partitions this instance no longer owns. */
    synchronized void forget(Collection<TopicPartition> revoked) {
        for (TopicPartition partition : revoked) {
            PartitionState state = partitions.remove(partition);
            if (state != null) {
                outstandingCount -= state.outstanding.size();
                outstandingBytes -= state.outstanding.values().stream().mapToLong(Long::longValue).sum();
            }
        }
    }

    synchronized int outstandingCount() {
        return outstandingCount;
    }

    synchronized long outstandingBytes() {
        return outstandingBytes;
    }
}
