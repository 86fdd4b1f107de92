package org.stancewatch.notify;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** Partitions that wait for an upgraded notifier (a record of a newer schema), and until when. Consumer's thread only. */
final class PartitionHolds {
    /** How long a held partition waits before its record is read again. */
    static final Duration HOLD = Duration.ofSeconds(30);

    private final Map<TopicPartition, Long> until = new HashMap<>();

    /** Holds the partition from now; true when it was not held already. */
    boolean hold(TopicPartition partition) {
        return until.put(partition, System.nanoTime() + HOLD.toNanos()) == null;
    }

    boolean isHeld(TopicPartition partition) {
        return until.containsKey(partition);
    }

    int count() {
        return until.size();
    }

    /** Ends the holds that are over; returns those among {@code paused}, to resume. */
    Set<TopicPartition> released(Collection<TopicPartition> paused) {
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

    void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(until::remove);
    }
}
