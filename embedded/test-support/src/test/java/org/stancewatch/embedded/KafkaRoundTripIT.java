package org.stancewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;

/** The embedded broker carries what the pipeline needs: idempotent producers and exactly-once Streams. */
@ExtendWith(EmbeddedServicesExtension.class)
class KafkaRoundTripIT {

    @Test
    void exactlyOnceStreamsJobProcessesEveryIdempotentlyProducedRecordOnce(EmbeddedServices services) throws Exception {
        String bootstrap = services.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("words", 2, (short) 1), new NewTopic("shouted", 2, (short) 1)))
                    .all().get();
        }

        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>("words", "k" + i, "word" + i));
            }
        }

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("words", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> value.toUpperCase())
                .to("shouted", Produced.with(Serdes.String(), Serdes.String()));
        Properties streamsConfig = new Properties();
        streamsConfig.put(StreamsConfig.APPLICATION_ID_CONFIG, "embedded-eos-round-trip");
        streamsConfig.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        streamsConfig.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        streamsConfig.put(StreamsConfig.STATE_DIR_CONFIG, services.home().resolve("streams-state").toString());
        streamsConfig.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        streamsConfig.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);

        List<ConsumerRecord<String, String>> output = new ArrayList<>();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsConfig);
             var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, "round-trip-reader",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     // only what the Streams transactions committed
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString()),
                     new StringDeserializer(), new StringDeserializer())) {
            streams.start();
            consumer.subscribe(Set.of("shouted"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (output.size() < 100 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(output::add);
            }
            // no duplicates trail behind the hundred
            consumer.poll(Duration.ofSeconds(2)).forEach(output::add);
        }

        assertThat(output).hasSize(100);
        assertThat(output).extracting(ConsumerRecord::value).contains("WORD0", "WORD99").doesNotHaveDuplicates();
    }
}
