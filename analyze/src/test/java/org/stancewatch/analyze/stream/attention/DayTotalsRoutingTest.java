package org.stancewatch.analyze.stream.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.stream.aggregate.SeriesKey;

/** How day totals are announced and where the detector's signals go among its partitions. */
class DayTotalsRoutingTest {
    static final SignalPartitioner PARTITIONER = new SignalPartitioner();
    static final MentionSample SAMPLE = new MentionSample("m", "a", "o.example", "https://o.example/a",
            Instant.EPOCH, "Tehran spoke.", 0, 0.9);

    @Test
    void aDayTotalGoesToEveryPartitionOfTheDetector() {
        Set<Integer> partitions = PARTITIONER.partitions("t", "15000", AttentionSignal.total(15000, 42), 6)
                .orElseThrow();

        assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aSeriesSignalsGoToOnePartitionTheSameForTheSameSeries() {
        Set<Integer> seen = new HashSet<>();
        for (String actor : new String[] {"iran", "russia", "nato", "us", "eu", "obama", "putin", "medvedev"}) {
            String key = SeriesKey.actor(actor).encode();
            Set<Integer> first = PARTITIONER.partitions("t", key, new AttentionSignal(1, 10, 1, 1, SAMPLE), 6)
                    .orElseThrow();
            Set<Integer> again = PARTITIONER.partitions("t", key, new AttentionSignal(2, 99, -1, 1, SAMPLE), 6)
                    .orElseThrow();
            assertThat(first).hasSize(1).isEqualTo(again);
            seen.addAll(first);
        }
        assertThat(seen).as("series spread over the partitions").hasSizeGreaterThan(1);
    }

    @Test
    void aTotalIsAnnouncedWhenItHasMovedByATenthSinceTheLastAnnouncement() {
        DayTotal total = DayTotal.EMPTY.plus(1);
        assertThat(total.dueForAnnouncement()).isTrue(); // the first mention of a day

        total = new DayTotal(100, 100).plus(10);
        assertThat(total.dueForAnnouncement()).isFalse();
        assertThat(total.unannounced()).isTrue(); // the flush sends it
        assertThat(total.plus(1).dueForAnnouncement()).isTrue();
        assertThat(new DayTotal(100, 100).plus(-11).dueForAnnouncement()).isTrue(); // retractions too
        assertThat(total.announcedNow().unannounced()).isFalse();
    }

    @Test
    void aMentionCountsInItsActorsSeriesAndInEachOfItsTopicsOnce() {
        AttentionContribution contribution = new AttentionContribution(1, 1, 15000, "iran",
                java.util.List.of("iran", "arms-control", "iran"), SAMPLE);

        assertThat(DayTotalsProcessor.seriesOf(contribution)).containsExactly(SeriesKey.actor("iran"),
                SeriesKey.topic("iran"), SeriesKey.topic("arms-control"));
    }
}
