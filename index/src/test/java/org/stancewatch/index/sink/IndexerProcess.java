package org.stancewatch.index.sink;

import java.time.Duration;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.model.kafka.KafkaTopicNames;

/**
 * An indexer in a JVM of its own, for the test that kills it with SIGKILL in the middle of a
 * batch. Arguments: Elasticsearch URL, bootstrap servers, topic prefix, index prefix, group id.
 * It prints its progress until it is killed.
 */
public final class IndexerProcess {
    private IndexerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        IndexerSettings config = IndexerSettings.of(ElasticsearchSettings.of(args[0]), args[1])
                .withTopics(KafkaTopicNames.ofIndex().prefixed(args[2]))
                .withLayout(new IndexLayout(args[3]))
                .withGroupId(args[4])
                // small, one-at-a-time bulks: many batches, so the kill lands in the middle of one
                .withBulk(BulkSettings.defaults().withMaxOperations(100).withMaxConcurrentRequests(1));
        Indexer indexer = Indexer.start(config);
        while (true) {
            System.out.println("progress " + indexer.progress().indexedTotal());
            Thread.sleep(Duration.ofMillis(100).toMillis());
        }
    }
}
