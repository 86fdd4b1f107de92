package org.stancewatch.index.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
    private static final TopicPartition P0 = new TopicPartition("mentions", 0);
    private static final TopicPartition P1 = new TopicPartition("mentions", 1);
    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsOnlyUpToTheFirstRecordNotYetAcknowledged() {
        for (long offset = 10; offset < 15; offset++) {
            tracker.started(P0, offset, 100);
        }
        tracker.completed(P0, 10);
        tracker.completed(P0, 12); // 11 still in flight
        tracker.completed(P0, 13);
        assertThat(tracker.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(11)));

        tracker.completed(P0, 11);
        tracker.completed(P0, 14);
        assertThat(tracker.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(15)));
    }

    @Test
    void nothingIsCommittableBeforeAnyRecordCompletesAndNothingTwice() {
        tracker.started(P0, 0, 10);
        assertThat(tracker.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(0)));
        tracker.markCommitted(tracker.committable());
        assertThat(tracker.committable()).isEmpty();
        tracker.completed(P0, 0);
        Map<TopicPartition, OffsetAndMetadata> next = tracker.committable();
        assertThat(next).containsExactly(Map.entry(P0, new OffsetAndMetadata(1)));
        tracker.markCommitted(next);
        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void aPositionPastATransactionMarkerIsCommittedOnceEverythingBeforeItIsDone() {
        tracker.started(P0, 7, 100); // the last record of a transaction; its commit marker is offset 8
        tracker.readUpTo(P0, 9);
        assertThat(tracker.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(7)));

        tracker.completed(P0, 7);

        assertThat(tracker.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(9)));
    }

    @Test
    void countsWhatIsOutstandingAndForgetsRevokedPartitions() {
        tracker.started(P0, 0, 100);
        tracker.started(P1, 0, 50);
        tracker.started(P1, 1, 50);
        assertThat(tracker.outstandingCount()).isEqualTo(3);
        assertThat(tracker.outstandingBytes()).isEqualTo(200);

        tracker.forget(List.of(P1));
        assertThat(tracker.outstandingCount()).isEqualTo(1);
        assertThat(tracker.outstandingBytes()).isEqualTo(100);
        tracker.completed(P1, 0); // a late acknowledgement of a revoked partition is ignored
        assertThat(tracker.committable()).containsOnlyKeys(P0);
    }
}
