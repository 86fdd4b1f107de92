package org.stancewatch.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.ingest.dedup.Fingerprints;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.publish.CrawlBatch;
import org.stancewatch.ingest.publish.KafkaOutput;
import org.stancewatch.kafka.KafkaTopicReader;
import org.stancewatch.model.kafka.KafkaTopicSetup;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Forgetting against the embedded broker: the tombstones reach the compacted topic, a restore
 * applies them, and a forgetting batch cut short by a crash leaves nothing half done. Each test
 * uses a source id of its own, so the records of other tests on the topic do not matter.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class StateRetentionIT {
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant LATER = T0.plus(Duration.ofDays(31));
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);

    private final String source = "retention-" + UUID.randomUUID().toString().substring(0, 8);
    private final StateRetention retention = new StateRetention(Duration.ofDays(30));

    private String url(int i) {
        return "https://" + source + ".example/2024/03/01/story-" + i + "/";
    }

    /** Texts that have nothing in common: fingerprints about 32 bits apart. */
    private long simhash(int i) {
        return new java.util.Random(source.hashCode() * 31L + i).nextLong();
    }

    /** Unique across tests: article ids are global keys, as hashes of their URLs are. */
    private String id(int i) {
        return source + "-article-" + i;
    }

    /** {@code pages} article pages, each with its article, first listed and fetched at T0. */
    private CrawlBatch crawled(int pages) {
        CrawlBatch batch = new CrawlBatch();
        for (int i = 0; i < pages; i++) {
            batch.change(StateKey.article(source, id(i)), new ArticleState(id(i), source, url(i), 1, "hash-" + source + i,
                    Fingerprints.hex(simhash(i)), 300, null, T0, T0, null));
            batch.change(StateKey.page(source, url(i)),
                    PageState.discovered(source, url(i), T0).fetched(id(i), "\"v1\"", null, T0));
        }
        return batch;
    }

    /** The sweep at {@link #LATER}, with pages 0 to {@code listed - 1} still listed, as a batch. */
    private CrawlBatch sweptLater(CrawlState state, int listed) {
        Set<String> urls = new java.util.HashSet<>();
        IntStream.range(0, listed).forEach(i -> urls.add(url(i)));
        StateRetention.Sweep sweep = retention.sweep(state, source, urls, LATER, true);
        CrawlBatch batch = new CrawlBatch();
        sweep.listed().forEach(page -> batch.change(StateKey.page(source, page.url()), page));
        sweep.forgotten().forEach(key -> batch.change(key, null));
        return batch;
    }

    private static CrawlState restored(KafkaSettings kafka) {
        CrawlState state = new CrawlState();
        try (KafkaStateReader ignored = KafkaStateReader.start(kafka, state, RESTORE_TIMEOUT)) {
            return state;
        }
    }

    private List<String> pageUrls(CrawlState state) {
        List<String> urls = new java.util.ArrayList<>();
        state.forEachPage(source, page -> urls.add(page.url()));
        return urls.stream().sorted().toList();
    }

    private List<String> articleIds(CrawlState state) {
        List<String> ids = new java.util.ArrayList<>();
        state.forEachArticle(source, article -> ids.add(article.id()));
        return ids.stream().sorted().toList();
    }

    private static KafkaSettings settings(EmbeddedServices services) {
        KafkaSettings kafka = KafkaSettings.of(services.kafkaBootstrapServers(), "retention-it-" + UUID.randomUUID());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            KafkaTopicSetup.ensureTopics(admin, kafka.partitions(), kafka.replicationFactor());
        }
        return kafka;
    }

    @Test
    void forgottenKeysGetTombstonesOnTheTopicAndARestoreDoesNotBringThemBack(EmbeddedServices services) throws Exception {
        KafkaSettings kafka = settings(services);
        CrawlState state = new CrawlState();
        try (KafkaOutput output = new KafkaOutput(kafka, state)) {
            output.commit(crawled(10));
            output.commit(sweptLater(state, 3));
        }
        List<String> kept = IntStream.range(0, 3).mapToObj(this::url).sorted().toList();
        assertThat(pageUrls(state)).isEqualTo(kept);

        CrawlState restored = restored(kafka);

        assertThat(pageUrls(restored)).isEqualTo(kept);
        assertThat(articleIds(restored)).containsExactly(id(0), id(1), id(2));
        assertThat(restored.page(source, url(0)).orElseThrow().lastListed()).isEqualTo(LATER);
        assertThat(restored.nearDuplicateOf(simhash(9), java.util.OptionalLong.empty(), "x"))
                .as("a forgotten article's fingerprint is gone after a restore too").isEmpty();
        assertThat(restored.nearDuplicateOf(simhash(2), java.util.OptionalLong.empty(), "x")).contains(id(2));
        Map<String, byte[]> last = lastValues(kafka.bootstrapServers());
        for (int i = 3; i < 10; i++) {
            assertThat(last).as("tombstone of page %d", i).containsEntry(StateKey.page(source, url(i)), null);
            assertThat(last).as("tombstone of article %d", i).containsEntry(StateKey.article(source, id(i)), null);
        }
        assertThat(last.get(StateKey.page(source, url(0)))).isNotNull();
    }

    @Test
    void aForgettingBatchCutShortByACrashLeavesEverythingAndTheRestartedCrawlerFinishesIt(EmbeddedServices services)
            throws Exception {
        KafkaSettings kafka = settings(services);
        CrawlState before = new CrawlState();
        try (KafkaOutput output = new KafkaOutput(kafka, before)) {
            output.commit(crawled(4));
        }
        // The crawler dies half-way through writing its sweep: the first tombstones reached the
        // broker, the commit never came, and nothing aborts the transaction before the restart.
        CrawlBatch sweep = sweptLater(before, 1);
        assertThat(sweep.changes()).as("page 0 listed again; pages and articles 1 to 3 forgotten").hasSize(7);
        KafkaProducer<String, byte[]> dying = transactionalProducer(kafka);
        dying.initTransactions();
        dying.beginTransaction();
        int partitions = dying.partitionsFor(KafkaTopics.CRAWL_STATE.name()).size();
        for (var change : sweep.changes().subList(0, 3)) {
            dying.send(new ProducerRecord<>(KafkaTopics.CRAWL_STATE.name(), StateKey.partition(change.key(), partitions),
                    change.key(), StateCodec.write(change.value())));
        }
        dying.flush();
        dying.close(Duration.ZERO); // no abort: as if the process were killed

        // The restart: the state first (as Crawler does), then the output, whose producer aborts the dangling transaction.
        CrawlState restarted = restored(kafka);
        assertThat(pageUrls(restarted)).as("nothing of the cut batch").hasSize(4);
        assertThat(articleIds(restarted)).hasSize(4);
        try (KafkaOutput output = new KafkaOutput(kafka, restarted)) {
            output.commit(sweptLater(restarted, 1));
        }
        assertThat(pageUrls(restarted)).containsExactly(url(0));
        assertThat(articleIds(restarted)).containsExactly(id(0));

        CrawlState again = restored(kafka);
        assertThat(pageUrls(again)).containsExactly(url(0));
        assertThat(articleIds(again)).containsExactly(id(0));
        assertThat(again.page(source, url(0))).isEqualTo(restarted.page(source, url(0)));
    }

    private static KafkaProducer<String, byte[]> transactionalProducer(KafkaSettings kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.transactionalId());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** The last committed value of every key on the crawl-state topic (null for a tombstone). */
    private static Map<String, byte[]> lastValues(String bootstrap) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, byte[]> last = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            KafkaTopicReader.readToEnd(consumer, KafkaTopics.CRAWL_STATE.name(), Duration.ofSeconds(30),
                    record -> last.put(record.key(), record.value()));
        }
        return last;
    }
}
