package org.stancewatch.model.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the pipeline's topics where they are missing; existing topics are left as they are.
 *
 * <p>Record topics keep everything ({@code retention.ms=-1}): their records carry the articles'
 * publication times as timestamps, often years old, which time-based retention would delete at
 * once. Dead-letter topics keep 30 days of failures. State topics ({@link KafkaTopics#compacted()})
 * are compacted: only the last record per key is kept.
 */
public final class KafkaTopicSetup {
    /** Partitions of a new topic: room for three instances of each stage. */
    public static final int DEFAULT_PARTITIONS = 3;
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    private KafkaTopicSetup() {}

    /**
     * Creates the missing topics of {@link KafkaTopics#all()} and {@link KafkaTopics#compacted()};
     * returns the names it created.
     */
    public static List<String> ensureTopics(Admin admin, int partitions, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<KafkaTopic<?, ?>> topics = new ArrayList<>(KafkaTopics.all());
            topics.addAll(KafkaTopics.compacted());
            for (KafkaTopic<?, ?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), partitions, replicationFactor).configs(configOf(topic)));
                }
            }
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // another instance was quicker
                        throw e;
                    }
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot create the Kafka topics: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the Kafka topics", e);
        }
    }

    private static Map<String, String> configOf(KafkaTopic<?, ?> topic) {
        if (KafkaTopics.compacted().contains(topic)) {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.RETENTION_MS_CONFIG, "-1");
        }
        boolean deadLetters = topic.name().endsWith(".dlq");
        return Map.of(TopicConfig.RETENTION_MS_CONFIG,
                deadLetters ? Long.toString(DEAD_LETTER_RETENTION.toMillis()) : "-1");
    }
}
