package org.stancewatch.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Partitions a consumer holds back because their next record is of a newer schema than this
 * build reads, and until when it tries again; the other partitions go on. Used by the
 * consumer's thread only (the indexer's and the notifier's).
 */
public final class PartitionHolds {
    /** How long a held partition waits before its record is read again. */
    public static final Duration HOLD = Duration.ofSeconds(30);

    private final Map<TopicPartition, Long> until = new HashMap<>();

    /** Holds the partition from now; true when it was not held already. */
    public boolean hold(TopicPartition partition) {
        return until.put(partition, System.nanoTime() + HOLD.toNanos()) == null;
    }

    public boolean isHeld(TopicPartition partition) {
        return until.containsKey(partition);
    }

    /**
     * Ends the holds that are over; returns those of {@code paused} whose hold ended, to resume
     * (none while the whole consumer is paused: its own resume takes them).
     */
    public Set<TopicPartition> released(Collection<TopicPartition> paused) {
        long now = System.nanoTime();
        Set<TopicPartition> released = new HashSet<>();
        until.entrySet().removeIf(entry -> {
            if (entry.getValue() - now <= 0) {
                released.add(entry.getKey());
                return true;
            }
            return false;
        });
        released.retainAll(paused);
        return released;
    }

    /** The partitions given, less the held ones. */
    public Set<TopicPartition> withoutHeld(Collection<TopicPartition> partitions) {
        Set<TopicPartition> free = new HashSet<>(partitions);
        free.removeAll(until.keySet());
        return free;
    }

    /** How many partitions are held. */
    public int count() {
        return until.size();
    }

    public void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(until::remove);
    }
}
