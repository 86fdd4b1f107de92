package org.stancewatch.index.templates;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.stancewatch.model.kafka.KafkaTopicNames;

/** The four kinds of documents stancewatch keeps in Elasticsearch, one index family each. */
public enum IndexKind {
    ARTICLES,
    MENTIONS,
    STANCE,
    ALERTS;

    /** The kind's word in index, alias and template names, e.g. {@code mentions}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Which kind of document each record topic holds. */
    public static Map<String, IndexKind> byTopic(KafkaTopicNames topics) {
        Map<String, IndexKind> kinds = new LinkedHashMap<>();
        kinds.put(topics.articles(), ARTICLES);
        kinds.put(topics.mentions(), MENTIONS);
        kinds.put(topics.stance(), STANCE);
        kinds.put(topics.alerts(), ALERTS);
        return kinds;
    }
}
