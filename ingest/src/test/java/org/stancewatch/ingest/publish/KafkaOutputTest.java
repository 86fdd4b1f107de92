package org.stancewatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.model.Article;
import org.stancewatch.model.DateSource;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Kafka's own MockProducer stands in for the broker here: the failures below cannot be caused on
 * demand on a real one. The crawler's IT covers publishing to the embedded broker.
 */
class KafkaOutputTest {
    private static final Node NODE = new Node(1, "localhost", 9092);
    private static final Cluster CLUSTER = new Cluster("test", List.of(NODE),
            java.util.stream.Stream.of(KafkaTopics.ARTICLES, KafkaTopics.INGEST_DLQ, KafkaTopics.CRAWL_STATE)
                    .map(topic -> new PartitionInfo(topic.name(), 0, NODE, new Node[] {NODE}, new Node[] {NODE}))
                    .toList(),
            java.util.Set.of(), java.util.Set.of());

    private final Deque<MockProducer<String, byte[]>> created = new ArrayDeque<>();
    private final Deque<MockProducer<String, byte[]>> next = new ArrayDeque<>();

    private Producer<String, byte[]> producer() {
        MockProducer<String, byte[]> producer = next.isEmpty() ? healthy() : next.poll();
        created.add(producer);
        return producer;
    }

    private static MockProducer<String, byte[]> healthy() {
        return new MockProducer<>(CLUSTER, true, null, new StringSerializer(), new ByteArraySerializer());
    }

    private static CrawlBatch batch(String url) {
        return new CrawlBatch().article(article(url, "text")).change("page|" + url, null);
    }

    private static Article article(String url, String text) {
        return new Article(Article.idFor(url), url, url, "src", "example.org", "t", List.of(),
                Instant.parse("2011-01-01T00:00:00Z"), DateSource.META, Instant.now(), "en", text, 1, "h",
                "0000000000000000", 1, null);
    }

    @Test
    void anArticleTooLargeForAKafkaRecordIsDeadLetteredAndTheRestOfItsBatchPublished() throws Exception {
        // escaped to six bytes each, 200,000 control characters make a record over 1 MiB
        Article huge = article("https://example.org/huge", "\u0001".repeat(200_000));
        Article small = article("https://example.org/small", "text");
        CrawlBatch batch = new CrawlBatch().article(huge).article(small)
                .change("page|https://example.org/huge", null).change("page|https://example.org/small", null);
        KafkaOutput output = new KafkaOutput(this::producer, new CrawlState(), "localhost:9092");

        output.commit(batch);

        MockProducer<String, byte[]> producer = created.getLast();
        assertThat(producer.history()).filteredOn(record -> record.topic().equals(KafkaTopics.ARTICLES.name()))
                .extracting(record -> record.key()).containsExactly(small.id());
        assertThat(producer.history()).filteredOn(record -> record.topic().equals(KafkaTopics.INGEST_DLQ.name()))
                .singleElement().satisfies(record -> {
                    assertThat(record.key()).isEqualTo("https://example.org/huge");
                    assertThat(new String(record.value())).contains("\"reason\":\"article-too-large\"");
                });
        assertThat(producer.history()).filteredOn(record -> record.topic().equals(KafkaTopics.CRAWL_STATE.name()))
                .hasSize(2); // both pages are done: the huge one is not fetched again every run
    }

    @Test
    void anArticleTheBrokerRefusesAsTooLargeIsDeadLetteredInsteadOfAbortingItsBatchForEver() throws Exception {
        Article refused = article("https://example.org/refused", "text the topic's lower limit refuses");
        Article small = article("https://example.org/small", "text");
        next.add(new RefusingProducer(refused.id()));
        KafkaOutput output = new KafkaOutput(this::producer, new CrawlState(), "localhost:9092");

        output.commit(new CrawlBatch().article(refused).article(small).change("page|https://example.org/refused", null));

        MockProducer<String, byte[]> producer = created.getLast();
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.history()).filteredOn(record -> record.topic().equals(KafkaTopics.ARTICLES.name()))
                .extracting(record -> record.key()).containsExactly(small.id());
        assertThat(producer.history()).filteredOn(record -> record.topic().equals(KafkaTopics.INGEST_DLQ.name()))
                .singleElement().satisfies(record -> assertThat(new String(record.value()))
                        .contains("the broker refused the article record"));
    }

    /** Refuses one article as too large, and then cannot commit its transaction, as a real producer. */
    private static final class RefusingProducer extends MockProducer<String, byte[]> {
        private final String refusedKey;
        private boolean refusedInTransaction;

        RefusingProducer(String refusedKey) {
            super(CLUSTER, true, null, new StringSerializer(), new ByteArraySerializer());
            this.refusedKey = refusedKey;
        }

        @Override
        public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record,
                org.apache.kafka.clients.producer.Callback callback) {
            if (refusedKey.equals(record.key()) && record.topic().equals(KafkaTopics.ARTICLES.name())) {
                refusedInTransaction = true;
                return java.util.concurrent.CompletableFuture.failedFuture(
                        new org.apache.kafka.common.errors.RecordTooLargeException("too large for the topic"));
            }
            return super.send(record, callback);
        }

        @Override
        public synchronized void commitTransaction() {
            if (refusedInTransaction) {
                throw new KafkaException("Cannot commit transaction: a send failed");
            }
            super.commitTransaction();
        }

        @Override
        public synchronized void abortTransaction() {
            refusedInTransaction = false;
            super.abortTransaction();
        }
    }

    @Test
    void aProducerThatCanNeitherCommitNorAbortIsReplacedAndTheNextBatchIsPublished() throws Exception {
        MockProducer<String, byte[]> broken = healthy();
        broken.commitTransactionException = new InvalidTxnStateException("invalid transaction state");
        broken.abortTransactionException = new KafkaException("Cannot execute transactional method because we are in an error state");
        next.add(broken);
        KafkaOutput output = new KafkaOutput(this::producer, new CrawlState(), "localhost:9092");

        assertThatThrownBy(() -> output.commit(batch("https://example.org/a")))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.fatal()).isFalse());
        assertThat(broken.closed()).isTrue();

        output.commit(batch("https://example.org/b"));

        MockProducer<String, byte[]> replacement = created.getLast();
        assertThat(replacement).isNotSameAs(broken);
        assertThat(replacement.transactionCommitted()).isTrue();
        assertThat(replacement.history()).extracting(record -> record.topic())
                .contains(KafkaTopics.ARTICLES.name());
    }

    @Test
    void aFailedBatchThatCanBeAbortedKeepsItsProducer() throws Exception {
        MockProducer<String, byte[]> flaky = healthy();
        flaky.commitTransactionException = new KafkaException("request timed out");
        next.add(flaky);
        KafkaOutput output = new KafkaOutput(this::producer, new CrawlState(), "localhost:9092");

        assertThatThrownBy(() -> output.commit(batch("https://example.org/a"))).isInstanceOf(PublishException.class);
        flaky.commitTransactionException = null;
        output.commit(batch("https://example.org/b"));

        assertThat(created).containsExactly(flaky);
        assertThat(flaky.transactionAborted()).isFalse(); // the second transaction committed after the abort
        assertThat(flaky.transactionCommitted()).isTrue();
    }

    @Test
    void beingFencedByAnotherInstanceEndsPublishing() {
        MockProducer<String, byte[]> fenced = healthy();
        fenced.commitTransactionException = new ProducerFencedException("another crawler took this instance's name");
        next.add(fenced);
        KafkaOutput output = new KafkaOutput(this::producer, new CrawlState(), "localhost:9092");

        assertThatThrownBy(() -> output.commit(batch("https://example.org/a")))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.fatal()).isTrue());
        assertThatThrownBy(() -> output.commit(batch("https://example.org/b")))
                .hasMessageContaining("closed");
    }
}
