package org.stancewatch.index.sink;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.kafka.KafkaClientDefaults;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Sends what the indexer cannot write to its dead-letter topic, as {@link DeadLetter} records
 * with stage {@code index}, keyed by the original key. A record counts as done only once the
 * broker has the dead letter.
 */
final class DeadLetterPublisher implements DeadLetterSink {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final KafkaProducer<String, DeadLetter> producer;
    private final String topic;

    DeadLetterPublisher(String bootstrapServers, String topic, Map<String, Object> overrides) {
        this.producer = new KafkaProducer<>(KafkaClientDefaults.safeProducer(bootstrapServers, "stancewatch-index-dlq",
                overrides), new StringSerializer(), KafkaTopics.INDEX_DLQ.valueSerde().serializer());
        this.topic = topic;
    }

    @Override
    public void publish(String key, String subject, byte[] payload, String reason, String message, Runnable done,
            Consumer<Exception> failed) {
        DeadLetter letter = DeadLetter.ofInput(DeadLetter.INDEX, subject, DeadLetter.payloadOf(payload), reason,
                message, Instant.now());
        try {
            producer.send(new ProducerRecord<>(topic, key, letter), (metadata, error) -> {
                if (error == null) {
                    log.warn("dead-lettered {} ({}): {}", subject, reason, message);
                    done.run();
                } else {
                    failed.accept(error);
                }
            });
        } catch (RuntimeException e) {
            failed.accept(e);
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
