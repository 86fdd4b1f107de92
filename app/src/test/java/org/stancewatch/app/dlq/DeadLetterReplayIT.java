package org.stancewatch.app.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stancewatch.app.pipeline.ClusterKafkaTopics;
import org.stancewatch.app.pipeline.KafkaConnection;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.kafka.KafkaTopicReader;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.kafka.KafkaTopic;
import org.stancewatch.model.kafka.KafkaTopics;

/** Dead letters on the real dead-letter topics: read back by selection, and replayed where they can be. */
@ExtendWith(EmbeddedServicesExtension.class)
class DeadLetterReplayIT {

    @Test
    void deadLettersAreReadBySelectionAndThoseWithAWholeRecordReplayedToTheirTopic(EmbeddedServices services)
            throws Exception {
        KafkaConnection kafka = KafkaConnection.plain(services.kafkaBootstrapServers());
        ClusterKafkaTopics.ensure(kafka, 1, (short) 1);
        String source = "it-replay-" + UUID.randomUUID().toString().substring(0, 8) + ".articles";
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(source, 1, (short) 1))).all().get();
        }
        Instant start = Instant.now();
        String article = "{\"schemaVersion\":1,\"id\":\"a1\"}";
        send(kafka, KafkaTopics.ANALYZE_DLQ, "a1", new DeadLetter("analyze", "scoring-timeout", "took longer than 60 s",
                source + "-0@5", article, start.plusSeconds(1)));
        send(kafka, KafkaTopics.ANALYZE_DLQ, "a2", new DeadLetter("analyze", "scoring-timeout", "took longer than 60 s",
                source + "-0@6", "x".repeat(DeadLetter.MAX_PAYLOAD_CHARS), start.plusSeconds(2)));
        send(kafka, KafkaTopics.INGEST_DLQ, "https://example.org/gone", new DeadLetter("ingest", "http-404",
                "news: not found", "https://example.org/gone", null, start.plusSeconds(3)));

        DeadLetterKafkaTopics topics = new DeadLetterKafkaTopics(kafka);
        List<StoredDeadLetter> recent = topics.read(new DeadLetterSelection(Set.of(), Set.of(), start, null));
        List<StoredDeadLetter> analyze = topics.read(new DeadLetterSelection(Set.of("analyze"),
                Set.of("scoring-timeout"), start, null));

        assertThat(recent).extracting(stored -> stored.letter().reason())
                .containsExactly("http-404", "scoring-timeout", "scoring-timeout"); // stages in pipeline order
        assertThat(analyze).hasSize(2).allSatisfy(stored -> assertThat(stored.sourceTopic()).contains(source));

        DeadLetterReplay.Outcome outcome = new DeadLetterReplay(kafka).replay(recent);

        assertThat(outcome.sent()).isEqualTo(1);
        assertThat(outcome.skipped()).hasSize(2).anySatisfy(why -> assertThat(why).contains("payload was cut"))
                .anySatisfy(why -> assertThat(why).contains("names a page"));
        assertThat(readAll(kafka, source)).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("a1");
            assertThat(record.value()).isEqualTo(article);
        });
    }

    private static void send(KafkaConnection kafka, KafkaTopic<String, DeadLetter> topic, String key, DeadLetter letter)
            throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, letter)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaConnection kafka, String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            return KafkaTopicReader.readToEnd(consumer, topic, Duration.ofSeconds(30));
        }
    }

    @Test
    void aSubjectNamesItsSourceTopicOnlyWhenItIsARecordsPlace() {
        Instant at = Instant.parse("2026-12-04T12:00:00Z");
        assertThat(new StoredDeadLetter("k", new DeadLetter("index", "document-rejected", "", "stancewatch.mentions-2@17",
                "{}", at), "w").sourceTopic()).contains("stancewatch.mentions");
        assertThat(new StoredDeadLetter("k", new DeadLetter("ingest", "http-404", "", "https://example.org/a-1@2",
                null, at), "w").sourceTopic()).isEmpty();
        assertThat(new StoredDeadLetter("k", new DeadLetter("analyze", "processing-failed", "",
                "punctuation of score-articles", null, at), "w").sourceTopic()).isEmpty();
    }
}
