package org.stancewatch.index.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.testing.ElasticsearchTestSupport;
import org.stancewatch.index.testing.KafkaTestSupport;
import org.stancewatch.index.testing.TestRecords;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.kafka.KafkaTopicNames;

/**
 * An indexer killed with SIGKILL in the middle of a batch, then restarted: every record ends up
 * in Elasticsearch exactly once. The killed indexer runs in a JVM of its own, so the kill is a
 * real one: no shutdown hook, no last commit.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class IndexerCrashIT {
    private static final int ARTICLES = 800;
    private static final int MENTIONS_PER_ARTICLE = 10;

    @Test
    void killedMidBatchAndRestartedIndexesEveryRecordExactlyOnce(EmbeddedServices services) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String topicPrefix = "crash-" + unique + ".";
        KafkaTopicNames topics = KafkaTopicNames.ofIndex().prefixed(topicPrefix);
        IndexLayout layout = new IndexLayout("crash-" + unique);
        String group = "crash-" + unique;
        Set<String> ids = new HashSet<>();
        try (KafkaTestSupport kafka = new KafkaTestSupport(services.kafkaBootstrapServers());
                ElasticsearchTestSupport elasticsearch = new ElasticsearchTestSupport(services.elasticsearchUrl(), layout)) {
            kafka.createTopics(topics, 3);
            Instant day = Instant.parse("2011-05-01T00:00:00Z");
            for (int a = 0; a < ARTICLES; a++) {
                Article article = TestRecords.article("example.com", "crash-" + a, day.plusSeconds(a * 60L), 1, "Text.");
                for (int s = 0; s < MENTIONS_PER_ARTICLE; s++) {
                    Mention mention = TestRecords.mention(article, s, "russia", (s - 5) / 10.0);
                    kafka.send(topics.mentions(), mention.id(), mention);
                    ids.add(mention.id());
                }
            }
            kafka.flush();
            int total = ids.size();

            Path log = Files.createTempFile("indexer-process", ".log");
            Process child = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    IndexerProcess.class.getName(), services.elasticsearchUrl(), services.kafkaBootstrapServers(),
                    topicPrefix, layout.prefix(), group)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                        .until(() -> !child.isAlive() || elasticsearch.count(IndexKind.MENTIONS) >= total / 4);
                assertThat(child.isAlive()).as("the indexer process is running; its log: %s", log).isTrue();
            } finally {
                child.destroyForcibly(); // SIGKILL
                child.waitFor(30, TimeUnit.SECONDS);
            }
            long indexedBeforeKill = elasticsearch.count(IndexKind.MENTIONS);
            assertThat(indexedBeforeKill).as("killed in the middle").isBetween(1L, total - 1L);

            IndexerSettings config = IndexerSettings.of(ElasticsearchSettings.of(services.elasticsearchUrl()),
                    services.kafkaBootstrapServers()).withTopics(topics).withLayout(layout).withGroupId(group);
            long replayed;
            try (Indexer restarted = Indexer.start(config)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> kafka.lag(group, topics.recordTopics()) == 0);
                IndexerProgress progress = restarted.progress();
                assertThat(progress.deadLettered()).isZero();
                // it wrote at least what was missing; anything more is a replay of records already there
                assertThat(progress.indexed(IndexKind.MENTIONS)).isGreaterThanOrEqualTo(total - indexedBeforeKill);
                replayed = progress.indexed(IndexKind.MENTIONS) - (total - indexedBeforeKill);
            }
            List<String> indexed = elasticsearch.ids(IndexKind.MENTIONS);
            assertThat(indexed).hasSize(total);
            assertThat(new HashSet<>(indexed)).isEqualTo(ids);
            System.out.printf("crash test: %d of %d indexed at the kill, %d replayed after the restart, %d in the end%n",
                    indexedBeforeKill, total, replayed, indexed.size());
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }
}
