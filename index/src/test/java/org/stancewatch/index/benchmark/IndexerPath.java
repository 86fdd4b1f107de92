package org.stancewatch.index.benchmark;

import java.time.Duration;
import java.util.Map;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.sink.BulkSettings;
import org.stancewatch.index.sink.Indexer;
import org.stancewatch.index.sink.IndexerProgress;
import org.stancewatch.index.sink.IndexerSettings;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.model.kafka.KafkaTopicNames;

/**
 * The path under test: {@link Indexer} reading the benchmark topic with a consumer group of its
 * own and writing into an index layout of its own, timed until Elasticsearch acknowledged every
 * document. Closing it afterwards commits the last offsets (checked by the caller).
 */
final class IndexerPath {
    private static final Duration STALL = Duration.ofSeconds(60);

    /**
     * @param fromStart   seconds from {@code Indexer.start} (Elasticsearch check, templates, group
     *                    join) to the last acknowledgement
     * @param fromFirstRead seconds from the first record read to the last acknowledgement
     * @param progress    the indexer's counters at the end
     * @param cpuAtFirstRead the CPU meter's sample when the first record was read
     * @param cpuAtEnd    ... and at the last acknowledgement, before the indexer's threads end
     */
    record Run(double fromStart, double fromFirstRead, IndexerProgress progress, Map<String, Long> cpuAtFirstRead,
            Map<String, Long> cpuAtEnd) {
        double startUp() {
            return fromStart - fromFirstRead;
        }
    }

    private final String elasticsearchUrl;
    private final String bootstrapServers;
    private final KafkaTopicNames topics;
    private final BulkSettings bulk;
    private final CpuMeter cpu;

    IndexerPath(String elasticsearchUrl, String bootstrapServers, KafkaTopicNames topics, BulkSettings bulk, CpuMeter cpu) {
        this.cpu = cpu;
        this.elasticsearchUrl = elasticsearchUrl;
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.bulk = bulk;
    }

    Run index(IndexLayout layout, String groupId, int documents) throws InterruptedException {
        IndexerSettings config = IndexerSettings.of(ElasticsearchSettings.of(elasticsearchUrl), bootstrapServers)
                .withTopics(topics).withLayout(layout).withGroupId(groupId).withBulk(bulk);
        long started = System.nanoTime();
        try (Indexer indexer = Indexer.start(config)) {
            long firstRead = 0;
            Map<String, Long> cpuAtFirstRead = null;
            long lastCount = -1;
            long lastChange = System.nanoTime();
            while (true) {
                IndexerProgress progress = indexer.progress();
                long now = System.nanoTime();
                long indexed = progress.indexed(IndexKind.MENTIONS);
                if (firstRead == 0 && (progress.pending() > 0 || indexed > 0)) {
                    firstRead = now;
                    cpuAtFirstRead = cpu.sample();
                }
                if (indexed >= documents) {
                    return new Run((now - started) / 1e9, (now - firstRead) / 1e9, progress, cpuAtFirstRead,
                            cpu.sample());
                }
                if (!indexer.isRunning()) {
                    throw new IllegalStateException("the indexer stopped: " + indexer.failure().orElse(null));
                }
                if (indexed != lastCount) {
                    lastCount = indexed;
                    lastChange = now;
                } else if (now - lastChange > STALL.toNanos()) {
                    throw new IllegalStateException("the indexer made no progress for 60 s: " + progress);
                }
                Thread.sleep(5);
            }
        }
    }
}
