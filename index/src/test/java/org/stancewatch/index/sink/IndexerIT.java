package org.stancewatch.index.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.stancewatch.kafka.PartitionHolds;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.kafka.KafkaTopicNames;

/** The indexer on the embedded broker and node: what it writes, skips, dead-letters and commits. */
@ExtendWith(EmbeddedServicesExtension.class)
class IndexerIT {
    private static final Instant DAY = Instant.parse("2011-11-23T08:00:00Z");

    private KafkaTopicNames topics;
    private IndexLayout layout;
    private IndexerSettings config;
    private KafkaTestSupport kafka;
    private ElasticsearchTestSupport elasticsearch;

    @BeforeEach
    void setUp(EmbeddedServices services) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        topics = KafkaTopicNames.ofIndex().prefixed("it-" + unique + ".");
        layout = new IndexLayout("it-" + unique);
        config = IndexerSettings.of(ElasticsearchSettings.of(services.elasticsearchUrl()),
                services.kafkaBootstrapServers())
                .withTopics(topics).withLayout(layout).withGroupId("it-" + unique)
                .withBulk(BulkSettings.defaults().withMaxOperations(50)
                        .withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1))));
        kafka = new KafkaTestSupport(services.kafkaBootstrapServers());
        kafka.createTopics(topics, 3);
        elasticsearch = new ElasticsearchTestSupport(services.elasticsearchUrl(), layout);
    }

    @AfterEach
    void tearDown() throws Exception {
        kafka.close();
        elasticsearch.close();
    }

    @Test
    void indexesAllFourKindsOncePerIdEvenWhenRecordsRepeatAndCommitsEveryOffset() throws Exception {
        List<Article> articles = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            Article article = TestRecords.article("example.com", "story-" + a, DAY.plusSeconds(a * 3600L), 1,
                    "Russia and NATO met again.");
            articles.add(article);
            for (int s = 0; s < 5; s++) {
                mentions.add(TestRecords.mention(article, s, s % 2 == 0 ? "russia" : "nato", -0.5 + s * 0.2));
            }
        }
        List<StanceBucket> buckets = List.of(TestRecords.bucket("russia", DAY, 4, -1.0, 0.5),
                TestRecords.bucket("nato", DAY, 3, 0.6, 0.2));
        Alert alert = TestRecords.alert("russia", "example.com", DAY, -0.6, mentions.get(0), mentions.get(2));

        for (int round = 0; round < 2; round++) { // every record twice: a replay
            articles.forEach(a -> kafka.send(topics.articles(), a.id(), a));
            mentions.forEach(m -> kafka.send(topics.mentions(), m.id(), m));
            buckets.forEach(b -> kafka.send(topics.stance(), b.id(), b));
            kafka.send(topics.alerts(), alert.id(), alert);
        }
        kafka.flush();

        try (Indexer indexer = Indexer.start(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.lag(config.groupId(), topics.recordTopics()) == 0);
            assertThat(indexer.progress().deadLettered()).isZero();
            assertThat(indexer.progress().pending()).isZero();
        }

        assertThat(elasticsearch.count(IndexKind.ARTICLES)).isEqualTo(10);
        assertThat(elasticsearch.count(IndexKind.MENTIONS)).isEqualTo(50);
        assertThat(elasticsearch.count(IndexKind.STANCE)).isEqualTo(2);
        assertThat(elasticsearch.count(IndexKind.ALERTS)).isEqualTo(1);
        assertThat(elasticsearch.ids(IndexKind.MENTIONS))
                .containsExactlyInAnyOrderElementsOf(mentions.stream().map(Mention::id).toList());
        // the documents read back as the records that were sent
        List<Alert> stored = elasticsearch.all(IndexKind.ALERTS).stream().map(Codecs.ALERT::fromTree).toList();
        assertThat(stored).containsExactly(alert);
    }

    @Test
    void unreadableAndRefusedRecordsGoToTheDeadLetterTopicAndTheRestIsIndexed() throws Exception {
        Article article = TestRecords.article("example.com", "good", DAY, 1, "Russia.");
        Mention good = TestRecords.mention(article, 0, "russia", -0.4);
        // Elasticsearch's date type reads 4-digit years: the codec accepts year 12011, the mapping does not
        Mention badDate = withPublishedAt(TestRecords.mention(article, 1, "russia", -0.2),
                Instant.parse("+12011-11-23T08:00:00Z"));
        String olderVersion = Codecs.MENTION.writeString(TestRecords.mention(article, 2, "nato", 0.1))
                .replace("\"schemaVersion\":1", "\"schemaVersion\":0");

        kafka.send(topics.mentions(), "not-json", "{this is not json".getBytes(StandardCharsets.UTF_8));
        kafka.send(topics.mentions(), "v0", olderVersion.getBytes(StandardCharsets.UTF_8));
        kafka.send(topics.mentions(), badDate.id(), badDate);
        kafka.send(topics.mentions(), good.id(), good);
        kafka.send(topics.articles(), article.id(), article);
        kafka.flush();

        try (Indexer indexer = Indexer.start(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.lag(config.groupId(), topics.recordTopics()) == 0);
            assertThat(indexer.progress().deadLettered()).isEqualTo(3);
        }

        List<DeadLetter> letters = kafka.deadLetters(topics.deadLetters(), 3, Duration.ofSeconds(20));
        assertThat(letters).extracting(DeadLetter::reason).containsExactlyInAnyOrder(
                "malformed-record", "unsupported-schema-version", "document-rejected");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.stage()).isEqualTo("index");
            assertThat(letter.subject()).startsWith(topics.mentions() + "-").contains("@");
            assertThat(letter.payload()).isNotBlank();
        });
        DeadLetter refused = letters.stream().filter(l -> l.reason().equals("document-rejected")).findFirst().orElseThrow();
        assertThat(refused.message()).contains("publishedAt");
        assertThat(refused.payload()).contains(badDate.id());
        assertThat(elasticsearch.ids(IndexKind.MENTIONS)).containsExactly(good.id());
        assertThat(elasticsearch.count(IndexKind.ARTICLES)).isEqualTo(1);
    }

    @Test
    void aRecordOfANewerSchemaVersionHoldsItsPartitionForAnUpgradedIndexerInsteadOfBeingDeadLettered()
            throws Exception {
        Article article = TestRecords.article("example.com", "upgrade", DAY, 1, "Russia.");
        String newerVersion = Codecs.MENTION.writeString(TestRecords.mention(article, 0, "nato", 0.1))
                .replace("\"schemaVersion\":1", "\"schemaVersion\":99");
        kafka.send(topics.mentions(), "v99", newerVersion.getBytes(StandardCharsets.UTF_8));
        kafka.send(topics.articles(), article.id(), article);
        kafka.flush();

        try (Indexer indexer = Indexer.start(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.count(IndexKind.ARTICLES) == 1);
            // longer than a hold: the record has been read again at least once, and still waits
            Thread.sleep(PartitionHolds.HOLD.toMillis() + 5_000);
            assertThat(kafka.lag(config.groupId(), List.of(topics.mentions()))).isEqualTo(1);
            assertThat(indexer.progress().deadLettered()).isZero();
            assertThat(indexer.isRunning()).isTrue();
        }
    }

    @Test
    void anIndexReadOnlyAtTheFloodStageMakesTheIndexerWaitAndItResumesWhenClearedLosingNothing() throws Exception {
        Article first = TestRecords.article("example.com", "before", DAY, 1, "Russia.");
        Article blocked = TestRecords.article("example.com", "blocked", DAY, 1, "NATO.");
        kafka.send(topics.articles(), first.id(), first);
        kafka.flush();

        // Elasticsearch lifts the block by itself on its next disk check (the disk is not full):
        // with the checks off, only the test lifts it
        diskChecks(false);
        try (Indexer indexer = Indexer.start(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.count(IndexKind.ARTICLES) == 1);
            // the block Elasticsearch puts on every index when a disk passes the flood-stage watermark
            elasticsearch.client().indices().putSettings(p -> p.index(layout.alias(IndexKind.ARTICLES))
                    .settings(st -> st.blocks(b -> b.readOnlyAllowDelete(true))));
            kafka.send(topics.articles(), blocked.id(), blocked);
            kafka.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> indexer.progress().retried() >= 3);
            assertThat(elasticsearch.ids(IndexKind.ARTICLES)).containsExactly(first.id());

            elasticsearch.client().indices().putSettings(p -> p.index(layout.alias(IndexKind.ARTICLES))
                    .settings(st -> st.blocks(b -> b.readOnlyAllowDelete(false))));

            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.lag(config.groupId(), topics.recordTopics()) == 0);
            assertThat(elasticsearch.ids(IndexKind.ARTICLES)).containsExactlyInAnyOrder(first.id(), blocked.id());
            assertThat(indexer.progress().deadLettered()).isZero();
        } finally {
            diskChecks(true);
        }
    }

    private void diskChecks(boolean enabled) throws Exception {
        elasticsearch.client().cluster().putSettings(p -> p.persistent(
                "cluster.routing.allocation.disk.threshold_enabled", JsonData.of(enabled)));
    }

    @Test
    void anIndexDeletedUnderTheIndexerIsCreatedAgainAndNothingIsLost() throws Exception {
        Article first = TestRecords.article("example.com", "before", DAY, 1, "Russia.");
        Article second = TestRecords.article("example.com", "after", DAY, 1, "NATO.");
        kafka.send(topics.articles(), first.id(), first);
        kafka.flush();

        try (Indexer indexer = Indexer.start(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.count(IndexKind.ARTICLES) == 1);
            elasticsearch.client().indices().delete(d -> d.index(layout.firstIndex(IndexKind.ARTICLES)));
            kafka.send(topics.articles(), second.id(), second);
            kafka.flush();

            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.lag(config.groupId(), topics.recordTopics()) == 0);
            assertThat(elasticsearch.ids(IndexKind.ARTICLES)).containsExactly(second.id());
            assertThat(indexer.progress().deadLettered()).isZero();
        }
    }

    @Test
    void aNewRevisionOverwritesTheOldAndRemovesTheMentionsItNoLongerHas() throws Exception {
        Article first = TestRecords.article("example.com", "revised", DAY, 1, "Russia warned NATO. NATO replied.");
        Article second = TestRecords.article("example.com", "revised", DAY, 2, "Russia warned NATO.");
        Mention kept1 = TestRecords.mention(first, 0, "russia", -0.5);
        Mention dropped = TestRecords.mention(first, 1, "nato", 0.3); // sentence 1 is gone in revision 2
        Mention kept2 = TestRecords.mention(second, 0, "russia", -0.7);

        kafka.send(topics.articles(), first.id(), first);
        kafka.send(topics.mentions(), kept1.id(), kept1);
        kafka.send(topics.mentions(), dropped.id(), dropped);
        kafka.flush();
        try (Indexer indexer = Indexer.start(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.count(IndexKind.MENTIONS) == 2);
            kafka.send(topics.articles(), second.id(), second);
            kafka.send(topics.mentions(), kept2.id(), kept2);
            // a late copy of the old revision's mention arrives after the new revision
            kafka.send(topics.mentions(), kept1.id(), kept1);
            kafka.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.lag(config.groupId(), topics.recordTopics()) == 0);
            // the dropped mention, and the kept one too if the article came before its new mention
            assertThat(indexer.progress().staleMentionsDeleted()).isBetween(1L, 2L);
            assertThat(indexer.progress().superseded()).isGreaterThanOrEqualTo(1); // the late old copy
        }

        List<ObjectNode> articles = elasticsearch.all(IndexKind.ARTICLES);
        assertThat(articles).singleElement().satisfies(a -> {
            assertThat(a.path("revision").asInt()).isEqualTo(2);
            assertThat(a.path("text").asText()).isEqualTo("Russia warned NATO.");
        });
        List<Mention> mentions = elasticsearch.all(IndexKind.MENTIONS).stream().map(Codecs.MENTION::fromTree).toList();
        assertThat(mentions).containsExactly(kept2);
    }

    @Test
    void aMentionOfAnOldRevisionThatArrivesAfterTheNewArticleIsRemoved() throws Exception {
        Article first = TestRecords.article("example.com", "late", DAY, 1, "One. Two.");
        Article second = TestRecords.article("example.com", "late", DAY, 2, "One.");
        Mention stale = TestRecords.mention(first, 1, "nato", 0.3);

        kafka.send(topics.articles(), second.id(), second);
        kafka.flush();
        try (Indexer indexer = Indexer.start(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.count(IndexKind.ARTICLES) == 1);
            kafka.send(topics.mentions(), stale.id(), stale);
            kafka.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.lag(config.groupId(), topics.recordTopics()) == 0);
            assertThat(indexer.progress().staleMentionsDeleted()).isEqualTo(1);
        }
        assertThat(elasticsearch.count(IndexKind.MENTIONS)).isZero();
    }

    @Test
    void aTombstoneDeletesTheDocument() throws Exception {
        StanceBucket bucket = TestRecords.bucket("russia", DAY, 2, -0.4, 0.1);
        kafka.send(topics.stance(), bucket.id(), bucket);
        kafka.flush();
        try (Indexer indexer = Indexer.start(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.count(IndexKind.STANCE) == 1);
            kafka.send(topics.stance(), bucket.id(), (byte[]) null);
            kafka.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.count(IndexKind.STANCE) == 0);
        }
    }

    @Test
    void aRecordArrivingAloneIsSentAtOnceNotAtTheNextFlushTick() throws Exception {
        BulkSettings defaults = BulkSettings.defaults();
        IndexerSettings slowTicks = config.withBulk(new BulkSettings(defaults.maxOperations(), defaults.maxBytes(),
                Duration.ofMinutes(10), defaults.maxConcurrentRequests(), defaults.maxPendingDocuments(),
                defaults.maxPendingBytes(), defaults.backoff(), defaults.commitInterval()));
        try (Indexer indexer = Indexer.start(slowTicks)) {
            StanceBucket bucket = TestRecords.bucket("nato", DAY, 3, 0.6, 0.2);
            kafka.send(topics.stance(), bucket.id(), bucket);
            kafka.flush();
            // far less than the ten-minute flush interval: the topic read to its end sends the bulk
            await().atMost(Duration.ofSeconds(30)).until(() -> indexer.progress().indexed(IndexKind.STANCE) == 1);
        }
    }

    private static Mention withPublishedAt(Mention m, Instant publishedAt) {
        return new Mention(m.id(), m.articleId(), m.revision(), m.url(), m.outlet(), publishedAt, m.dateSource(),
                m.actor(), m.surface(), m.topics(), m.sentenceIndex(), m.sentence(), m.score(), m.polarity(),
                m.confidence(), m.holder(), m.quoted(), m.copyOf(), m.model());
    }
}
