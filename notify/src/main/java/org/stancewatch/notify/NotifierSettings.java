package org.stancewatch.notify;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.stancewatch.notify.dispatch.RetrySchedule;

/**
 * Everything the notifier needs to run besides {@code alerts.yml}.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param groupId          consumer group ({@value #DEFAULT_GROUP_ID})
 * @param topics           topics read and written
 * @param fromBeginning    where a group without committed offsets starts: the oldest alert (true)
 *                         or the next new one (false)
 * @param retry            back-off for failing channels, and when one counts as failing
 * @param shutdownTimeout  how long {@code close()} waits for queued notices to go out
 * @param kafkaOverrides   extra consumer/producer properties (e.g. security settings)
 */
public record NotifierSettings(
        String bootstrapServers,
        String groupId,
        NotifierKafkaTopics topics,
        boolean fromBeginning,
        RetrySchedule retry,
        Duration shutdownTimeout,
        Map<String, Object> kafkaOverrides) {

    /** The consumer group of the notify stage. */
    public static final String DEFAULT_GROUP_ID = "stancewatch-notify";

    public NotifierSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        kafkaOverrides = Map.copyOf(kafkaOverrides);
    }

    /** The defaults: the group {@value #DEFAULT_GROUP_ID}, the standard topics, new alerts only. */
    public static NotifierSettings of(String bootstrapServers) {
        return new NotifierSettings(bootstrapServers, DEFAULT_GROUP_ID, NotifierKafkaTopics.defaults(), false,
                RetrySchedule.defaults(), Duration.ofSeconds(10), Map.of());
    }

    public NotifierSettings withGroupId(String id) {
        return new NotifierSettings(bootstrapServers, id, topics, fromBeginning, retry, shutdownTimeout,
                kafkaOverrides);
    }

    public NotifierSettings withTopics(NotifierKafkaTopics t) {
        return new NotifierSettings(bootstrapServers, groupId, t, fromBeginning, retry, shutdownTimeout,
                kafkaOverrides);
    }

    public NotifierSettings withFromBeginning(boolean b) {
        return new NotifierSettings(bootstrapServers, groupId, topics, b, retry, shutdownTimeout, kafkaOverrides);
    }

    public NotifierSettings withRetry(RetrySchedule r) {
        return new NotifierSettings(bootstrapServers, groupId, topics, fromBeginning, r, shutdownTimeout,
                kafkaOverrides);
    }

    public NotifierSettings withShutdownTimeout(Duration d) {
        return new NotifierSettings(bootstrapServers, groupId, topics, fromBeginning, retry, d, kafkaOverrides);
    }

    public NotifierSettings withKafkaOverrides(Map<String, Object> o) {
        return new NotifierSettings(bootstrapServers, groupId, topics, fromBeginning, retry, shutdownTimeout, o);
    }
}
