package org.stancewatch.notify;

import java.util.List;
import java.util.Objects;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * The Kafka topics the notifier reads and writes; tests give each run topics of its own.
 *
 * @param alerts      alerts to tell about
 * @param sources     sources' statuses, whose changes of health are told
 * @param ledger      the compacted ledger
 * @param deadLetters the dead-letter topic
 */
public record NotifierKafkaTopics(String alerts, String sources, String ledger, String deadLetters) {

    public NotifierKafkaTopics {
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }

    public static NotifierKafkaTopics defaults() {
        return new NotifierKafkaTopics(KafkaTopics.ALERTS.name(), KafkaTopics.SOURCES.name(), KafkaTopics.NOTIFY_LEDGER.name(),
                KafkaTopics.NOTIFY_DLQ.name());
    }

    /** Each default name with a prefix, e.g. {@code it-1234.stancewatch.alerts}. */
    public static NotifierKafkaTopics prefixed(String prefix) {
        NotifierKafkaTopics d = defaults();
        return new NotifierKafkaTopics(prefix + d.alerts, prefix + d.sources, prefix + d.ledger, prefix + d.deadLetters);
    }

    /** The topics consumed. */
    public List<String> consumed() {
        return List.of(alerts, sources);
    }
}
