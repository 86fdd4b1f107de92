package org.stancewatch.model.topic;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.json.JsonSerde;

/** The topics of the pipeline (see the design's "Names"). Keys are record ids. */
public final class Topics {
    public static final Topic<String, Article> ARTICLES =
            new Topic<>("stancewatch.articles", Serdes.String(), new JsonSerde<>(Codecs.ARTICLE));
    public static final Topic<String, Mention> MENTIONS =
            new Topic<>("stancewatch.mentions", Serdes.String(), new JsonSerde<>(Codecs.MENTION));
    public static final Topic<String, StanceBucket> STANCE =
            new Topic<>("stancewatch.stance", Serdes.String(), new JsonSerde<>(Codecs.STANCE_BUCKET));
    public static final Topic<String, Alert> ALERTS =
            new Topic<>("stancewatch.alerts", Serdes.String(), new JsonSerde<>(Codecs.ALERT));

    public static final Topic<String, DeadLetter> INGEST_DLQ = deadLetters("ingest");
    public static final Topic<String, DeadLetter> ANALYZE_DLQ = deadLetters("analyze");
    public static final Topic<String, DeadLetter> INDEX_DLQ = deadLetters("index");

    private Topics() {}

    /** The four record topics, in pipeline order. */
    public static List<Topic<String, ? extends Record>> pipeline() {
        return List.of(ARTICLES, MENTIONS, STANCE, ALERTS);
    }

    /** Every topic of the pipeline, dead-letter topics included. */
    public static List<Topic<String, ? extends Record>> all() {
        return List.of(ARTICLES, MENTIONS, STANCE, ALERTS, INGEST_DLQ, ANALYZE_DLQ, INDEX_DLQ);
    }

    private static Topic<String, DeadLetter> deadLetters(String stage) {
        Serde<DeadLetter> serde = new JsonSerde<>(Codecs.DEAD_LETTER);
        return new Topic<>("stancewatch." + stage + ".dlq", Serdes.String(), serde);
    }
}
