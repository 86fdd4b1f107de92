package org.stancewatch.model.kafka;

import java.util.List;
import java.util.Objects;
import org.stancewatch.model.DeadLetter;

/**
 * The names of the record topics a stage reads or writes, and of its dead-letter topic.
 * Production uses the pipeline's names ({@link #ofAnalyze()}, {@link #ofIndex()}); tests give
 * each run topics of their own. The records on them always use the serdes of {@link KafkaTopics}.
 *
 * @param articles    {@code Article} records keyed by article id
 * @param mentions    scored mentions keyed by mention id; a tombstone retracts a mention
 * @param stance      windowed {@code StanceBucket} records keyed by bucket id
 * @param alerts      {@code Alert} records keyed by alert id
 * @param deadLetters {@code DeadLetter} records of what the stage could not read or process
 */
public record KafkaTopicNames(String articles, String mentions, String stance, String alerts, String deadLetters) {

    public KafkaTopicNames {
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(mentions, "mentions");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /** The analyze job's: the pipeline's topics and its own dead-letter topic. */
    public static KafkaTopicNames ofAnalyze() {
        return pipelineWith(KafkaTopics.ANALYZE_DLQ);
    }

    /** The indexer's: the pipeline's topics and its own dead-letter topic. */
    public static KafkaTopicNames ofIndex() {
        return pipelineWith(KafkaTopics.INDEX_DLQ);
    }

    /** Each name with a suffix, e.g. {@code stancewatch.articles.run-7} for a test run of its own. */
    public KafkaTopicNames suffixed(String suffix) {
        return new KafkaTopicNames(articles + suffix, mentions + suffix, stance + suffix, alerts + suffix,
                deadLetters + suffix);
    }

    /** Each name with a prefix, e.g. {@code it-7.stancewatch.articles} for a test run of its own. */
    public KafkaTopicNames prefixed(String prefix) {
        return new KafkaTopicNames(prefix + articles, prefix + mentions, prefix + stance, prefix + alerts,
                prefix + deadLetters);
    }

    /** The four record topics, in pipeline order. */
    public List<String> recordTopics() {
        return List.of(articles, mentions, stance, alerts);
    }

    private static KafkaTopicNames pipelineWith(KafkaTopic<String, DeadLetter> deadLetters) {
        return new KafkaTopicNames(KafkaTopics.ARTICLES.name(), KafkaTopics.MENTIONS.name(),
                KafkaTopics.STANCE.name(), KafkaTopics.ALERTS.name(), deadLetters.name());
    }
}
