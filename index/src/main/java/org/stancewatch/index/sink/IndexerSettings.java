package org.stancewatch.index.sink;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.stancewatch.index.connect.ElasticsearchSettings;
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
public record IndexerSettings(
        ElasticsearchSettings elasticsearch,
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

    public IndexerSettings {
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
    public static IndexerSettings of(ElasticsearchSettings elasticsearch, String bootstrapServers) {
        return new IndexerSettings(elasticsearch, bootstrapServers, DEFAULT_GROUP_ID, KafkaTopicNames.ofIndex(),
                IndexLayout.defaults(), BulkSettings.defaults(), Duration.ofMinutes(2), Duration.ofSeconds(30),
                Map.of());
    }

    public IndexerSettings withGroupId(String value) {
        return new IndexerSettings(elasticsearch, bootstrapServers, value, topics, layout, bulk, startTimeout,
                shutdownTimeout, kafkaOverrides);
    }

    public IndexerSettings withTopics(KafkaTopicNames value) {
        return new IndexerSettings(elasticsearch, bootstrapServers, groupId, value, layout, bulk, startTimeout,
                shutdownTimeout, kafkaOverrides);
    }

    public IndexerSettings withLayout(IndexLayout value) {
        return new IndexerSettings(elasticsearch, bootstrapServers, groupId, topics, value, bulk, startTimeout,
                shutdownTimeout, kafkaOverrides);
    }

    public IndexerSettings withBulk(BulkSettings value) {
        return new IndexerSettings(elasticsearch, bootstrapServers, groupId, topics, layout, value, startTimeout,
                shutdownTimeout, kafkaOverrides);
    }

    public IndexerSettings withKafkaOverrides(Map<String, Object> value) {
        return new IndexerSettings(elasticsearch, bootstrapServers, groupId, topics, layout, bulk, startTimeout,
                shutdownTimeout, value);
    }
}
