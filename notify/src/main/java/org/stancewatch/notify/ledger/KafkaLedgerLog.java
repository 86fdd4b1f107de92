package org.stancewatch.notify.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stancewatch.kafka.KafkaReadTimeoutException;
import org.stancewatch.kafka.KafkaTopicReader;

/**
 * The ledger on its compacted topic ({@code stancewatch.notify-ledger}): read from the start to
 * the end offsets of the moment, written through the notifier's idempotent, {@code acks=all}
 * producer, waiting for every acknowledgement.
 */
public final class KafkaLedgerLog implements LedgerLog {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String topic;
    private final Producer<String, byte[]> producer;
    private final Map<String, Object> consumerConfig;

    /**
     * @param producer       shared, owned by the caller (idempotent, acks=all)
     * @param clientSettings bootstrap servers and any security settings for the reading consumer
     */
    public KafkaLedgerLog(String topic, Producer<String, byte[]> producer, Map<String, Object> clientSettings) {
        this.topic = topic;
        this.producer = producer;
        this.consumerConfig = new HashMap<>(clientSettings);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "stancewatch-notify-ledger");
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }

    @Override
    public void readAll(BiConsumer<String, byte[]> record) {
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = KafkaTopicReader.partitionsOf(consumer, topic, TIMEOUT);
            if (partitions.isEmpty()) {
                throw new LedgerException("the ledger topic " + topic + " does not exist; create the topics "
                        + "(stancewatch notify does) before starting the notifier", null);
            }
            KafkaTopicReader.readToEnd(consumer, partitions, TIMEOUT, r -> record.accept(r.key(), r.value()));
        } catch (KafkaReadTimeoutException e) {
            throw new LedgerException("cannot read the ledger: " + e.getMessage(), e);
        } catch (KafkaException e) {
            throw new LedgerException("cannot read the ledger topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Map<String, byte[]> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (var entry : records.entrySet()) {
                sent.add(producer.send(new ProducerRecord<>(topic, entry.getKey(), entry.getValue())));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            for (Future<RecordMetadata> future : sent) {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new LedgerException("cannot write the ledger topic " + topic + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException | KafkaException e) {
            throw new LedgerException("cannot write the ledger topic " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while writing the ledger", e);
        }
    }

    @Override
    public void close() {
        // the producer is the caller's
    }
}
