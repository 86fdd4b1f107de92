package org.stancewatch.notify;

import java.util.List;
import java.util.Objects;
import org.stancewatch.model.topic.Topics;

/**
 * The topics the notifier reads and writes; tests give each run topics of its own.
 *
 * @param alerts      alerts to tell about
 * @param sources     sources' statuses, whose changes of health are told
 * @param ledger      the compacted ledger
 * @param deadLetters the dead-letter topic
 */
public record NotifierTopics(String alerts, String sources, String ledger, String deadLetters) {

    public NotifierTopics {
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }

    public static NotifierTopics defaults() {
        return new NotifierTopics(Topics.ALERTS.name(), Topics.SOURCES.name(), Topics.NOTIFY_LEDGER.name(),
                Topics.NOTIFY_DLQ.name());
    }

    /** Each default name with a prefix, e.g. {@code it-1234.stancewatch.alerts}. */
    public static NotifierTopics prefixed(String prefix) {
        NotifierTopics d = defaults();
        return new NotifierTopics(prefix + d.alerts, prefix + d.sources, prefix + d.ledger, prefix + d.deadLetters);
    }

    /** The topics consumed. */
    public List<String> consumed() {
        return List.of(alerts, sources);
    }
}
