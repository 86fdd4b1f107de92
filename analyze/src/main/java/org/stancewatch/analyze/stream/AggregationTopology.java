package org.stancewatch.analyze.stream;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.stancewatch.analyze.stream.aggregate.BucketSums;
import org.stancewatch.analyze.stream.aggregate.Contribution;
import org.stancewatch.analyze.stream.aggregate.MentionChangeProcessor;
import org.stancewatch.analyze.stream.aggregate.SeriesFanOut;
import org.stancewatch.analyze.stream.aggregate.SeriesKey;
import org.stancewatch.analyze.stream.eventtime.PublicationTimeExtractor;
import org.stancewatch.analyze.stream.monitor.JobCounters;
import org.stancewatch.analyze.stream.shift.DayEvidence;
import org.stancewatch.analyze.stream.shift.SeriesHistory;
import org.stancewatch.analyze.stream.shift.ShiftProcessor;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * The aggregation application: {@code mentions} → contributions per series → hourly and daily
 * event-time windows → {@code stance}; and the same contributions → shift detector → {@code alerts}.
 *
 * <pre>
 * mentions ─► mention-changes ─┬► fan-out-series ─► repartition by series ─┬► hour windows ─► stance
 *   (latest per id;     (+new, −old, │  (actor, actor×topic,                     ├► day windows  ─► stance
 *    tombstone = gone)   nothing for │   actor×outlet, holder)                   └► detect-shifts ─► alerts
 *                        a repeat)   └► attention: day totals ─► shares of actors and topics ─► alerts
 * </pre>
 *
 * <p>The attention branch ({@link AttentionTopology}) raises alerts when an actor or a topic
 * suddenly gets a much larger share of all mentions; {@code --no-attention} leaves it out.
 *
 * <p>It runs exactly-once (v2): the state of what each mention contributed, the window sums, the
 * series histories, the outputs and the input offsets commit in one transaction, so a crash or
 * restart neither loses nor double-counts a contribution. Records here are cheap (no NLP), so
 * short transactions suit it.
 *
 * <p>Windows are tumbling and aligned to UTC. Which articles are too late to count is decided
 * upstream ({@link org.stancewatch.analyze.stream.eventtime.MentionHeaders}); the windows themselves
 * stay open for the grace plus the reorder allowance, so that partitions of this job that progress
 * at different speeds while catching up do not make each other's records late. Past that a record
 * is dropped (Kafka Streams counts it in its {@code dropped-records} metric). Each update of a
 * window is written to {@code stance} under the bucket's id, so the topic (and the index) holds
 * the latest value of every bucket.
 */
public final class AggregationTopology {
    public static final String HOUR = "hour";
    public static final String DAY = "day";

    static final Serde<Contribution> CONTRIBUTION_SERDE = new InternalSerde<>(Contribution.class);
    static final Serde<BucketSums> SUMS_SERDE = new InternalSerde<>(BucketSums.class);
    static final Serde<SeriesHistory> HISTORY_SERDE = new InternalSerde<>(SeriesHistory.class);
    static final Serde<DayEvidence> EVIDENCE_SERDE = new InternalSerde<>(DayEvidence.class);
    static final Serde<Mention> COUNTED_SERDE = new InternalSerde<>(Mention.class);

    private AggregationTopology() {}

    /** The topology, with counters of its own. */
    public static Topology build(AnalyzeSettings settings) {
        return build(settings, new JobCounters());
    }

    public static Topology build(AnalyzeSettings settings, JobCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MentionChangeProcessor.STORE),
                Serdes.String(), COUNTED_SERDE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ShiftProcessor.STORE),
                Serdes.String(), HISTORY_SERDE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ShiftProcessor.EVIDENCE_STORE),
                Serdes.String(), EVIDENCE_SERDE));

        KStream<String, Contribution> changes = builder
                .stream(settings.topics().mentions(), Consumed.with(KafkaTopics.MENTIONS.keySerde(),
                        KafkaTopics.MENTIONS.valueSerde())
                        .withTimestampExtractor(new PublicationTimeExtractor())
                        .withName("mentions"))
                .process(() -> new MentionChangeProcessor(settings.stateRetention(), counters),
                        Named.as("mention-changes"), MentionChangeProcessor.STORE);
        KStream<String, Contribution> bySeries = changes
                .flatMap(new SeriesFanOut(settings.copyWeight()), Named.as("fan-out-series"))
                .repartition(Repartitioned.<String, Contribution>as("series")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(CONTRIBUTION_SERDE));

        aggregate(bySeries, HOUR, Duration.ofHours(1), settings, counters);
        aggregate(bySeries, DAY, Duration.ofDays(1), settings, counters);

        bySeries.process(() -> new ShiftProcessor(settings.shift(), settings.windowGrace(), counters),
                        Named.as("detect-shifts"), ShiftProcessor.STORE, ShiftProcessor.EVIDENCE_STORE)
                .to(settings.topics().alerts(), Produced.with(KafkaTopics.ALERTS.keySerde(), KafkaTopics.ALERTS.valueSerde())
                        .withName("alerts"));
        if (settings.attention().enabled()) {
            AttentionTopology.addTo(builder, changes, settings, counters);
        }
        return builder.build();
    }

    private static void aggregate(KStream<String, Contribution> bySeries, String granularity, Duration size,
                                  AnalyzeSettings settings, JobCounters counters) {
        bySeries.groupByKey(Grouped.with("by-series-" + granularity, Serdes.String(), CONTRIBUTION_SERDE))
                .windowedBy(TimeWindows.ofSizeAndGrace(size, settings.windowGrace()))
                .aggregate(() -> BucketSums.EMPTY, (series, contribution, sums) -> sums.plus(contribution),
                        Named.as("sum-" + granularity),
                        Materialized.<String, BucketSums, WindowStore<Bytes, byte[]>>as("stance-" + granularity)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(SUMS_SERDE))
                .toStream(Named.as("updates-" + granularity))
                .filter((window, sums) -> sums != null, Named.as("present-" + granularity))
                .map((window, sums) -> {
                    StanceBucket bucket = sums.toBucket(SeriesKey.decode(window.key()), granularity,
                            window.window().startTime(), window.window().endTime());
                    counters.bucketUpdate();
                    return KeyValue.pair(bucket.id(), bucket);
                }, Named.as("buckets-" + granularity))
                .to(settings.topics().stance(), Produced.with(KafkaTopics.STANCE.keySerde(), KafkaTopics.STANCE.valueSerde())
                        .withName("stance-" + granularity + "-out"));
    }
}
