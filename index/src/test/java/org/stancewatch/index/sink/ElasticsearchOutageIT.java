package org.stancewatch.index.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stancewatch.embedded.EmbeddedElasticsearch;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.Ports;
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
 * Elasticsearch stops for a while under a running indexer: the indexer backs off, keeps what it
 * read, and when the node is back indexes everything, nothing lost, nothing dead-lettered. The
 * test runs a node of its own, so the shared node of the other tests is not disturbed.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class ElasticsearchOutageIT {

    private EmbeddedElasticsearch node;

    @AfterEach
    void stopTheNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void backsOffWhileElasticsearchIsDownAndIndexesEverythingWhenItIsBack(EmbeddedServices services) throws Exception {
        Path home = Files.createDirectories(Path.of(System.getProperty("stancewatch.test.home",
                System.getProperty("java.io.tmpdir"))).resolve("outage-node-" + UUID.randomUUID()));
        Ports ports = Ports.free();
        EmbeddedElasticsearch.Settings nodeConfig = new EmbeddedElasticsearch.Settings(home, ports.elasticsearchHttp(),
                ports.elasticsearchTransport());
        node = EmbeddedElasticsearch.start(nodeConfig);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        KafkaTopicNames topics = KafkaTopicNames.ofIndex().prefixed("outage-" + unique + ".");
        IndexLayout layout = new IndexLayout("outage-" + unique);
        IndexerSettings config = IndexerSettings.of(ElasticsearchSettings.of(node.url()),
                services.kafkaBootstrapServers())
                .withTopics(topics).withLayout(layout).withGroupId("outage-" + unique)
                .withBulk(BulkSettings.defaults().withMaxOperations(50)
                        .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2))));
        try (KafkaTestSupport kafka = new KafkaTestSupport(services.kafkaBootstrapServers());
                ElasticsearchTestSupport elasticsearch = new ElasticsearchTestSupport(node.url(), layout)) {
            kafka.createTopics(topics, 2);
            try (Indexer indexer = Indexer.start(config)) {
                send(kafka, topics, 0, 100);
                await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.count(IndexKind.MENTIONS) == 100);

                node.close();
                send(kafka, topics, 100, 200);
                await().atMost(Duration.ofSeconds(60)).until(() -> indexer.progress().retried() > 0);
                Thread.sleep(3000); // down for a while: several rounds of back-off
                assertThat(indexer.isRunning()).isTrue();
                assertThat(indexer.progress().pending()).as("the second half waits for Elasticsearch").isEqualTo(100);
                assertThat(kafka.lag(config.groupId(), topics.recordTopics()))
                        .as("nothing unacknowledged is committed").isEqualTo(100);

                node = EmbeddedElasticsearch.start(nodeConfig); // same folder and port: the first half is still there
                await().atMost(Duration.ofSeconds(90)).until(() -> elasticsearch.count(IndexKind.MENTIONS) == 200);
                await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag(config.groupId(), topics.recordTopics()) == 0);
                assertThat(indexer.progress().deadLettered()).isZero();
                assertThat(indexer.progress().indexed(IndexKind.MENTIONS)).isEqualTo(200);
            }
        }
    }

    private static void send(KafkaTestSupport kafka, KafkaTopicNames topics, int from, int to) {
        for (int i = from; i < to; i++) {
            Article article = TestRecords.article("example.com", "outage-" + i, Instant.parse("2012-02-01T00:00:00Z")
                    .plusSeconds(i * 60L), 1, "Text.");
            Mention mention = TestRecords.mention(article, 0, "nato", 0.2);
            kafka.send(topics.mentions(), mention.id(), mention);
        }
        kafka.flush();
    }
}
