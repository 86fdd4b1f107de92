package org.stancewatch.index.sink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.model.topic.Topics;

/**
 * The topics the indexer reads, one per {@link IndexKind}, and its dead-letter topic. The
 * defaults are the pipeline's topics ({@link Topics}); tests give names of their own.
 */
public record SinkTopics(String articles, String mentions, String stance, String alerts, String deadLetters) {

    public SinkTopics {
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(mentions, "mentions");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }

    public static SinkTopics defaults() {
        return new SinkTopics(Topics.ARTICLES.name(), Topics.MENTIONS.name(), Topics.STANCE.name(),
                Topics.ALERTS.name(), Topics.INDEX_DLQ.name());
    }

    /** Topics with a prefix before the default names, e.g. for a test of its own. */
    public static SinkTopics prefixed(String prefix) {
        SinkTopics d = defaults();
        return new SinkTopics(prefix + d.articles, prefix + d.mentions, prefix + d.stance, prefix + d.alerts,
                prefix + d.deadLetters);
    }

    /** Which kind of document each record topic holds. */
    public Map<String, IndexKind> kindsByTopic() {
        Map<String, IndexKind> kinds = new LinkedHashMap<>();
        kinds.put(articles, IndexKind.ARTICLES);
        kinds.put(mentions, IndexKind.MENTIONS);
        kinds.put(stance, IndexKind.STANCE);
        kinds.put(alerts, IndexKind.ALERTS);
        return kinds;
    }

    public List<String> recordTopics() {
        return List.of(articles, mentions, stance, alerts);
    }
}
