package org.stancewatch.analyze.stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.eventtime.PublicationTimeExtractor;
import org.stancewatch.analyze.stream.monitor.JobCounters;
import org.stancewatch.analyze.stream.scoring.ArticleLedger;
import org.stancewatch.analyze.stream.scoring.ScoringProcessor;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * The scoring application: {@code articles} → stance scorer → {@code mentions}.
 *
 * <p>It runs at-least-once, on purpose. Scoring an article with CoreNLP takes from a fraction of
 * a second to many seconds; inside an exactly-once transaction every slow article would hold the
 * transaction (and the output of every other task of its thread) open, and a timeout would abort
 * and re-score everything since the last commit. Here a crash re-scores at most the articles
 * since the last commit, and their output is idempotent: mentions are keyed by deterministic ids
 * and a replayed revision republishes the same mentions and tombstones (see {@link ArticleLedger}).
 * The aggregation application, exactly-once, turns those repeats into no change.
 */
public final class ScoringTopology {
    static final InternalSerde<ArticleLedger> LEDGER_SERDE = new InternalSerde<>(ArticleLedger.class);

    private ScoringTopology() {}

    /** The topology, with counters of its own. */
    public static Topology build(StanceScorer scorer, AnalyzeSettings settings) {
        return build(scorer, settings, new JobCounters());
    }

    public static Topology build(StanceScorer scorer, AnalyzeSettings settings, JobCounters counters) {
        return build(scorer, settings, counters, KafkaTopics.MAX_RECORD_BYTES);
    }

    /** With the largest mention record the mentions topic takes, in serialized bytes. */
    public static Topology build(StanceScorer scorer, AnalyzeSettings settings, JobCounters counters,
                                 int maxMentionBytes) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ScoringProcessor.STORE),
                Serdes.String(), LEDGER_SERDE));
        builder.stream(settings.topics().articles(), Consumed.with(KafkaTopics.ARTICLES.keySerde(),
                KafkaTopics.ARTICLES.valueSerde())
                        .withTimestampExtractor(new PublicationTimeExtractor())
                        .withName("articles"))
                .process(() -> new ScoringProcessor(scorer, settings.scoringTimeout(), settings.grace(),
                                settings.stateRetention(), counters, maxMentionBytes),
                        Named.as("score-articles"), ScoringProcessor.STORE)
                .to(settings.topics().mentions(), Produced.with(KafkaTopics.MENTIONS.keySerde(),
                        KafkaTopics.MENTIONS.valueSerde())
                        .withName("mentions"));
        return builder.build();
    }
}
