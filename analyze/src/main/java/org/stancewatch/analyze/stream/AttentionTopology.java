package org.stancewatch.analyze.stream;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.stancewatch.analyze.stream.aggregate.Contribution;
import org.stancewatch.analyze.stream.attention.AttentionContribution;
import org.stancewatch.analyze.stream.attention.AttentionFanIn;
import org.stancewatch.analyze.stream.attention.AttentionProcessor;
import org.stancewatch.analyze.stream.attention.AttentionSignal;
import org.stancewatch.analyze.stream.attention.DaySamples;
import org.stancewatch.analyze.stream.attention.DayTotal;
import org.stancewatch.analyze.stream.attention.DayTotalsProcessor;
import org.stancewatch.analyze.stream.attention.KnownTotal;
import org.stancewatch.analyze.stream.attention.SeriesAttention;
import org.stancewatch.analyze.stream.attention.SignalPartitioner;
import org.stancewatch.analyze.stream.monitor.JobCounters;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * The attention branch of the aggregation application: the contributions of the mention
 * changes → each day's total → each attention series → attention alerts.
 *
 * <pre>
 * mention-changes ─► attention-fan-in ─► repartition by day ─► attention-day-totals ─► repartition by series ─► detect-attention ─► alerts
 *                    (dated mentions,      (one task holds       (+ the day total;        (totals announced to
 *                     copies weighed)       a day's total)        announcements)           every partition)
 * </pre>
 *
 * <p>Why this shape: a share divides a series' count by the day's total of all mentions, and
 * with several partitions and instances no task sees all mentions of a day. Keying by day gives
 * each day's total to one task, exactly-once like the rest of the application (its store, its
 * output and its input offsets commit together). That task passes each mention on to its series
 * with the total as it stands, so a count never meets an older total, and announces the total to
 * every partition of the detector (a partitioner that multicasts), so that every series learns
 * of a day's growth even on days it is not mentioned. Everything stays inside the application's
 * transactions; a global store would be filled outside them and could not tell the detector when
 * to look again. The price: one task takes all of a day's mentions, which costs a store update
 * each, far below what scoring costs.
 */
public final class AttentionTopology {
    static final Serde<AttentionContribution> CONTRIBUTION_SERDE = new InternalSerde<>(AttentionContribution.class);
    static final Serde<AttentionSignal> SIGNAL_SERDE = new InternalSerde<>(AttentionSignal.class);

    private AttentionTopology() {}

    /** Adds the attention branch fed by {@code changes} (keyed by mention id) to the builder. */
    public static void addTo(StreamsBuilder builder, KStream<String, Contribution> changes, AnalyzeSettings settings,
                             JobCounters counters) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DayTotalsProcessor.STORE),
                Serdes.String(), new InternalSerde<>(DayTotal.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AttentionProcessor.STORE),
                Serdes.String(), new InternalSerde<>(SeriesAttention.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AttentionProcessor.TOTALS_STORE),
                Serdes.String(), new InternalSerde<>(KnownTotal.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AttentionProcessor.SAMPLES_STORE),
                Serdes.String(), new InternalSerde<>(DaySamples.class)));

        changes.flatMap(new AttentionFanIn(settings.copyWeight()), Named.as("attention-fan-in"))
                .repartition(Repartitioned.<String, AttentionContribution>as("attention-days")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(CONTRIBUTION_SERDE))
                .process(() -> new DayTotalsProcessor(settings.stateRetention()), Named.as("attention-day-totals"),
                        DayTotalsProcessor.STORE)
                .repartition(Repartitioned.<String, AttentionSignal>as("attention-series")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(SIGNAL_SERDE)
                        .withStreamPartitioner(new SignalPartitioner()))
                .process(() -> new AttentionProcessor(settings.attention(), settings.windowGrace(), counters),
                        Named.as("detect-attention"), AttentionProcessor.STORE, AttentionProcessor.TOTALS_STORE,
                        AttentionProcessor.SAMPLES_STORE)
                .to(settings.topics().alerts(), Produced.with(KafkaTopics.ALERTS.keySerde(), KafkaTopics.ALERTS.valueSerde())
                        .withName("attention-alerts"));
    }
}
