package org.stancewatch.ingest.publish;

import org.stancewatch.ingest.state.CrawlState;

/**
 * Where a crawl's results go: Kafka ({@link KafkaOutput}), or memory for tests and dry runs
 * ({@link MemoryOutput}). Either way a committed batch's state changes are applied to {@link
 * #state()} before {@link #commit} returns.
 */
public interface CrawlOutput extends AutoCloseable {
    /** Writes the batch all or nothing, then applies its state changes. */
    void commit(CrawlBatch batch) throws PublishException;

    /** The crawl state this output keeps current. */
    CrawlState state();

    @Override
    void close();
}
