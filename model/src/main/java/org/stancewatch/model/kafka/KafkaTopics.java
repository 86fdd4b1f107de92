package org.stancewatch.model.kafka;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.Mention;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.json.JsonSerde;

/** The Kafka topics of the pipeline (docs/data-contracts.md, "Topics"). Keys are record ids. */
public final class KafkaTopics {
    public static final KafkaTopic<String, Article> ARTICLES =
            new KafkaTopic<>("stancewatch.articles", Serdes.String(), new JsonSerde<>(Codecs.ARTICLE));
    public static final KafkaTopic<String, Mention> MENTIONS =
            new KafkaTopic<>("stancewatch.mentions", Serdes.String(), new JsonSerde<>(Codecs.MENTION));
    public static final KafkaTopic<String, StanceBucket> STANCE =
            new KafkaTopic<>("stancewatch.stance", Serdes.String(), new JsonSerde<>(Codecs.STANCE_BUCKET));
    public static final KafkaTopic<String, Alert> ALERTS =
            new KafkaTopic<>("stancewatch.alerts", Serdes.String(), new JsonSerde<>(Codecs.ALERT));

    public static final KafkaTopic<String, DeadLetter> INGEST_DLQ = deadLetters("ingest");
    public static final KafkaTopic<String, DeadLetter> ANALYZE_DLQ = deadLetters("analyze");
    public static final KafkaTopic<String, DeadLetter> INDEX_DLQ = deadLetters("index");
    /** What the notifier could not read, or a channel refused for good. */
    public static final KafkaTopic<String, DeadLetter> NOTIFY_DLQ = deadLetters("notify");

    /**
     * The crawler's memory (pages seen, revisions published, robots.txt files, last runs), as a
     * compacted topic: the last record per key is kept, so it holds the current state however
     * long the crawler runs, survives restarts, and is shared by every crawler instance. Values
     * are the ingest module's JSON state records; keys say which kind ({@code page|...},
     * {@code article|...}, {@code robots|...}, {@code run|...}).
     */
    public static final KafkaTopic<String, byte[]> CRAWL_STATE =
            new KafkaTopic<>("stancewatch.crawl-state", Serdes.String(), Serdes.ByteArray());

    /**
     * Each source's latest {@link SourceStatus}, keyed by source name, compacted: what {@code
     * stancewatch sources} shows, and where the notifier learns that a source's health changed.
     */
    public static final KafkaTopic<String, SourceStatus> SOURCES =
            new KafkaTopic<>("stancewatch.sources", Serdes.String(), new JsonSerde<>(Codecs.SOURCE_STATUS));

    /**
     * The notifier's ledger, compacted: per channel and notice, whether it was sent or is still
     * waiting (a failing channel, a digest), so a restart neither sends a notice twice nor
     * forgets one. Values are the notify module's JSON ledger entries; keys {@code channel|notice}.
     */
    public static final KafkaTopic<String, byte[]> NOTIFY_LEDGER =
            new KafkaTopic<>("stancewatch.notify-ledger", Serdes.String(), Serdes.ByteArray());

    /**
     * The largest record a stage writes, in serialized bytes: Kafka's defaults (the producer's
     * {@code max.request.size}, about the broker's {@code message.max.bytes}). Stages keep their
     * records under it rather than raise it everywhere.
     */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    private KafkaTopics() {}

    /** The four record topics, in pipeline order. */
    public static List<KafkaTopic<String, ? extends Record>> pipeline() {
        return List.of(ARTICLES, MENTIONS, STANCE, ALERTS);
    }

    /** Every topic of the pipeline, dead-letter topics included. */
    public static List<KafkaTopic<String, ? extends Record>> all() {
        return List.of(ARTICLES, MENTIONS, STANCE, ALERTS, INGEST_DLQ, ANALYZE_DLQ, INDEX_DLQ, NOTIFY_DLQ);
    }

    /** The compacted topics a stage keeps its own state in (not records of the pipeline). */
    public static List<KafkaTopic<String, ?>> compacted() {
        return List.of(CRAWL_STATE, SOURCES, NOTIFY_LEDGER);
    }

    private static KafkaTopic<String, DeadLetter> deadLetters(String stage) {
        Serde<DeadLetter> serde = new JsonSerde<>(Codecs.DEAD_LETTER);
        return new KafkaTopic<>("stancewatch." + stage + ".dlq", Serdes.String(), serde);
    }
}
