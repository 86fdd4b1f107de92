package org.stancewatch.ingest.schedule;

/**
 * Which sources this crawler instance runs. One instance owns every source; several instances
 * share them through a Kafka consumer group ({@link KafkaSourceOwnership}), so that each source
 * is crawled by exactly one instance at a time.
 */
public interface SourceOwnership extends AutoCloseable {
    boolean owns(String sourceId);

    @Override
    default void close() {}

    /** Every source: the one-instance case. */
    static SourceOwnership all() {
        return source -> true;
    }
}
