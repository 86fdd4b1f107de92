package org.stancewatch.analyze.stream;

import java.util.Objects;
import org.stancewatch.model.topic.Topics;

/**
 * The names of the topics the job reads and writes. Production uses {@link #defaults()} (the
 * names of {@link Topics}); tests give each run topics of its own. The records on them always
 * use the serdes of {@link Topics}.
 *
 * @param articles    input: {@code Article} records keyed by article id
 * @param mentions    scored mentions keyed by mention id; a tombstone retracts a mention
 * @param stance      windowed {@code StanceBucket} records keyed by bucket id
 * @param alerts      {@code Alert} records keyed by alert id
 * @param deadLetters {@code DeadLetter} records of what could not be read or processed
 */
public record TopicNames(String articles, String mentions, String stance, String alerts, String deadLetters) {

    public TopicNames {
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(mentions, "mentions");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /** The pipeline's topics. */
    public static TopicNames defaults() {
        return new TopicNames(Topics.ARTICLES.name(), Topics.MENTIONS.name(), Topics.STANCE.name(),
                Topics.ALERTS.name(), Topics.ANALYZE_DLQ.name());
    }

    /** The default names with a suffix, e.g. for a test run that must not share topics. */
    public static TopicNames suffixed(String suffix) {
        TopicNames names = defaults();
        return new TopicNames(names.articles + suffix, names.mentions + suffix, names.stance + suffix,
                names.alerts + suffix, names.deadLetters + suffix);
    }
}
