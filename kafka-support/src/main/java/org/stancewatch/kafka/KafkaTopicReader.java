package org.stancewatch.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads what a Kafka topic holds at the moment of the call: its records from the beginning of
 * each partition to the end offsets it had when the read started, under one deadline. Records
 * written after that are not delivered, even when a poll brings them along.
 *
 * <p>The caller's consumer decides what the end is: under {@code read_committed} the last stable
 * offset, so an open transaction ends the read; under {@code read_uncommitted} the high
 * watermark. The read assigns the consumer the topic's partitions and seeks them to their
 * beginning; the consumer stays the caller's to close.
 */
public final class KafkaTopicReader {
    /** How long one poll waits for records; the deadline is checked between polls. */
    private static final Duration POLL = Duration.ofMillis(200);

    private KafkaTopicReader() {}

    /**
     * Every record of the topic up to its end offsets at the call, in the order the polls brought
     * them (each partition's in offset order); none when the topic does not exist.
     *
     * @throws KafkaReadTimeoutException when the end was not reached within {@code timeout}
     */
    public static <K, V> List<ConsumerRecord<K, V>> readToEnd(Consumer<K, V> consumer, String topic, Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        readToEnd(consumer, topic, timeout, records::add);
        return records;
    }

    /**
     * Hands each record of the topic up to its end offsets at the call to {@code each}, as it is
     * polled; nothing when the topic does not exist. Looking up the topic's partitions may take
     * up to {@code timeout} too, before the read's own.
     *
     * @throws KafkaReadTimeoutException when the end was not reached within {@code timeout}
     */
    public static <K, V> void readToEnd(Consumer<K, V> consumer, String topic, Duration timeout,
                                        java.util.function.Consumer<? super ConsumerRecord<K, V>> each) {
        readToEnd(consumer, partitionsOf(consumer, topic, timeout), timeout, each);
    }

    /**
     * The same for partitions the caller looked up with {@link #partitionsOf}, for a caller to
     * which a missing topic is an error of its own.
     */
    public static <K, V> void readToEnd(Consumer<K, V> consumer, Collection<TopicPartition> partitions, Duration timeout,
                                        java.util.function.Consumer<? super ConsumerRecord<K, V>> each) {
        new Read<>(consumer, List.copyOf(partitions), timeout).deliver(each);
    }

    /** The topic's partitions; none when the topic does not exist. */
    public static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic, Duration timeout) {
        return consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    /** One read: the end it aims at, and how far it got, for the message when time runs out. */
    private static final class Read<K, V> {
        private final Consumer<K, V> consumer;
        private final List<TopicPartition> partitions;
        private final Duration timeout;
        private final long deadline;
        private final Map<TopicPartition, Long> positions = new HashMap<>();
        private Map<TopicPartition, Long> end;
        private long delivered;

        Read(Consumer<K, V> consumer, List<TopicPartition> partitions, Duration timeout) {
            this.consumer = consumer;
            this.partitions = partitions;
            this.timeout = timeout;
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        void deliver(java.util.function.Consumer<? super ConsumerRecord<K, V>> each) {
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            try {
                end = consumer.endOffsets(partitions, timeLeft());
                while (behindEnd()) {
                    if (System.nanoTime() - deadline > 0) {
                        throw timedOut(null);
                    }
                    for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                            delivered++;
                            each.accept(record);
                        }
                    }
                }
            } catch (TimeoutException e) {
                // a client call given the time left ran out of it: the same deadline, passed inside the call
                throw timedOut(e);
            }
        }

        private boolean behindEnd() {
            boolean behind = false;
            for (TopicPartition partition : partitions) {
                long position = consumer.position(partition, timeLeft());
                positions.put(partition, position);
                behind |= position < end.get(partition);
            }
            return behind;
        }

        private Duration timeLeft() {
            return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        }

        private KafkaReadTimeoutException timedOut(TimeoutException cause) {
            String topics = partitions.stream().map(TopicPartition::topic).distinct().collect(Collectors.joining(", "));
            return new KafkaReadTimeoutException("could not read " + topics + " to its end within " + format(timeout)
                    + ": " + progress(), cause);
        }

        private String progress() {
            if (end == null) {
                return "its end offsets did not come";
            }
            return delivered + " records read; " + partitions.stream()
                    .filter(p -> positions.getOrDefault(p, 0L) < end.get(p))
                    .map(p -> p + " at " + (positions.containsKey(p) ? positions.get(p) : "an unknown offset") + " of " + end.get(p))
                    .collect(Collectors.joining(", "));
        }

        private static String format(Duration duration) {
            return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
        }
    }
}
