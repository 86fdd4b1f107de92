package org.stancewatch.app;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.stancewatch.app.pipeline.ClusterKafkaTopics;
import org.stancewatch.app.pipeline.KafkaConnection;
import org.stancewatch.index.IndexStage;
import org.stancewatch.index.sink.IndexerProgress;
import org.stancewatch.index.sink.IndexerSettings;
import org.stancewatch.model.kafka.KafkaTopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch index}: the index stage, until Ctrl-C. */
@Command(name = "index",
        mixinStandardHelpOptions = true,
        header = "Indexes articles, mentions, stance buckets and alerts into Elasticsearch until Ctrl-C.",
        description = {
            "Consumes the topics stancewatch.articles, .mentions, .stance and .alerts as a member of the consumer "
                    + "group stancewatch-index and writes them into the Elasticsearch indices stancewatch-articles, "
                    + "-mentions, -stance and -alerts (write aliases over stancewatch-<kind>-000001). Installs the "
                    + "index templates and creates the indices and the Kafka topics where they are missing.",
            "",
            "Run several instances with the same group to share the partitions. Documents Elasticsearch refuses go "
                    + "to stancewatch.index.dlq with the reason; offsets are committed only after Elasticsearch "
                    + "acknowledged every document before them, so stopping (even killing) it never loses or "
                    + "duplicates anything.",
            "",
            "Uses KAFKA_BOOTSTRAP_SERVERS, ELASTICSEARCH_URL and ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME / "
                    + "ELASTICSEARCH_PASSWORD."
        })
final class IndexCommand implements Callable<Integer> {

    @Option(names = "--group", paramLabel = "ID", defaultValue = IndexerSettings.DEFAULT_GROUP_ID,
            description = "Kafka consumer group (default: ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "print a progress line this often; 0 for none (default: ${DEFAULT-VALUE})")
    int progressEvery;

    @Override
    public Integer call() throws InterruptedException {
        KafkaConnection kafka = ClusterSettings.kafka();
        ClusterKafkaTopics.ensure(kafka, KafkaTopicSetup.DEFAULT_PARTITIONS, ClusterKafkaTopics.AS_MANY_AS_BROKERS);
        IndexerSettings config = IndexerSettings.of(ClusterSettings.elasticsearch(), kafka.bootstrapServers())
                .withGroupId(group).withKafkaOverrides(Map.copyOf(kafka.clientProperties()));
        System.out.println("Indexing from Kafka at " + kafka.bootstrapServers() + " into Elasticsearch at " + config.elasticsearch().url()
                + " ... (Ctrl-C to stop)");
        IndexStage indexer = IndexStage.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: waiting for Elasticsearch to acknowledge what is in flight ...");
            indexer.close();
            System.out.println("Stopped. " + indexer.progress());
            stopped.countDown();
        }, "index-shutdown"));
        IndexerProgress last = null;
        while (indexer.isRunning()) {
            Thread.sleep(progressEvery > 0 ? Duration.ofSeconds(progressEvery).toMillis() : 1000);
            IndexerProgress now = indexer.progress();
            if (progressEvery > 0 && !now.equals(last)) {
                System.out.println(now);
                last = now;
            }
        }
        if (indexer.failure().isPresent()) {
            indexer.close();
            throw new IllegalStateException("the indexer stopped: " + indexer.failure().get().getMessage(),
                    indexer.failure().get());
        }
        stopped.await();
        return 0;
    }
}
