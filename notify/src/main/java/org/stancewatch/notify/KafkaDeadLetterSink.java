package org.stancewatch.notify;

import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.kafka.KafkaTopics;
import org.stancewatch.notify.dispatch.DeadLetterSink;

/**
 * Dead letters of stage {@code notify} on their topic, through the notifier's producer, each
 * waited for; one that cannot be written throws a {@link KafkaException}.
 */
final class KafkaDeadLetterSink implements DeadLetterSink {
    private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetterSink.class);

    private final Producer<String, byte[]> producer;
    private final String topic;

    KafkaDeadLetterSink(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void publish(String key, String subject, String payload, String reason, String message) {
        DeadLetter letter = DeadLetter.ofInput(DeadLetter.NOTIFY, subject, payload, reason, message, Instant.now());
        byte[] value = KafkaTopics.NOTIFY_DLQ.valueSerde().serializer().serialize(topic, letter);
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("cannot write a dead letter to " + topic + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new KafkaException("cannot write a dead letter to " + topic + " within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing a dead letter", e);
        }
        log.warn("dead-lettered {} ({}): {}", subject, reason, message);
    }
}
