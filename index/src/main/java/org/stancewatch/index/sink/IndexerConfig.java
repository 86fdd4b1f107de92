package org.stancewatch.index.sink;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.stancewatch.index.connect.ElasticsearchConfig;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.model.kafka.KafkaTopicNames;

/**
 * Everything the indexer needs to run.
 *
 * @param elasticsearch    where to write
 * @param bootstrapServers Kafka bootstrap servers
 * @param groupId          consumer group; instances of one group share the partitions
 * @param topics           topics to read and the dead-letter topic
 * @param layout           index names
 * @param bulk             batching and retry settings
 * @param startTimeout     how long to wait for Elasticsearch at start
 * @param shutdownTimeout  how long {@code close()} waits for documents in flight
 * @param kafkaOverrides   extra consumer/producer properties (e.g. security settings)
 */
public record IndexerConfig(
        ElasticsearchConfig elasticsearch,
        String bootstrapServers,
        String groupId,
        KafkaTopicNames topics,
        IndexLayout layout,
        BulkSettings bulk,
        Duration startTimeout,
        Duration shutdownTimeout,
        Map<String, Object> kafkaOverrides) {

    /** The consumer group of the index stage. */
    public static final String DEFAULT_GROUP_ID = "stancewatch-index";

    public IndexerConfig {
        Objects.requireNonNull(elasticsearch, "elasticsearch");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(bulk, "bulk");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        kafkaOverrides = kafkaOverrides == null ? Map.of() : Map.copyOf(kafkaOverrides);
    }

    /** The defaults of a normal installation: pipeline topics, {@code stancewatch-*} indices. */
    public static IndexerConfig of(ElasticsearchConfig elasticsearch, String bootstrapServers) {
        return new IndexerConfig(elasticsearch, bootstrapServers, DEFAULT_GROUP_ID, KafkaTopicNames.ofIndex(),
                IndexLayout.defaults(), BulkSettings.defaults(), Duration.ofMinutes(2), Duration.ofSeconds(30),
                Map.of());
    }

    public IndexerConfig withGroupId(String value) {
        return new IndexerConfig(elasticsearch, bootstrapServers, value, topics, layout, bulk, startTimeout,
                shutdownTimeout, kafkaOverrides);
    }

    public IndexerConfig withTopics(KafkaTopicNames value) {
        return new IndexerConfig(elasticsearch, bootstrapServers, groupId, value, layout, bulk, startTimeout,
                shutdownTimeout, kafkaOverrides);
    }

    public IndexerConfig withLayout(IndexLayout value) {
        return new IndexerConfig(elasticsearch, bootstrapServers, groupId, topics, value, bulk, startTimeout,
                shutdownTimeout, kafkaOverrides);
    }

    public IndexerConfig withBulk(BulkSettings value) {
        return new IndexerConfig(elasticsearch, bootstrapServers, groupId, topics, layout, value, startTimeout,
                shutdownTimeout, kafkaOverrides);
    }

    public IndexerConfig withKafkaOverrides(Map<String, Object> value) {
        return new IndexerConfig(elasticsearch, bootstrapServers, groupId, topics, layout, bulk, startTimeout,
                shutdownTimeout, value);
    }
}
