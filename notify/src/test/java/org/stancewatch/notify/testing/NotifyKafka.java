package org.stancewatch.notify.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.notify.NotifierKafkaTopics;

/** The notifier's topics on the embedded broker, for one test: creating, writing, reading dead letters. */
public final class NotifyKafka implements AutoCloseable {
    private final String bootstrapServers;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;

    public NotifyKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** The topics, alerts with the given partitions, the ledger compacted; waits until they have leaders. */
    public void create(NotifierKafkaTopics topics, int alertPartitions) throws Exception {
        List<NewTopic> created = List.of(new NewTopic(topics.alerts(), alertPartitions, (short) 1),
                new NewTopic(topics.sources(), 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")),
                new NewTopic(topics.ledger(), 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")),
                new NewTopic(topics.deadLetters(), 1, (short) 1));
        admin.createTopics(created).all().get(30, TimeUnit.SECONDS);
        List<String> names = created.stream().map(NewTopic::name).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null))) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException notYetKnown) {
                // not in the broker's metadata yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the test topics got no leader within 30 s");
    }

    /** Sets the topic's largest record ({@code max.message.bytes}): a small one makes the broker refuse writes. */
    public void maxRecordBytes(String topic, int bytes) throws Exception {
        var resource = new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
        var change = new org.apache.kafka.clients.admin.AlterConfigOp(new org.apache.kafka.clients.admin.ConfigEntry(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes)),
                org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(change))).all().get(30, TimeUnit.SECONDS);
    }

    /** Writes one record to a partition and waits for the broker. */
    public void send(String topic, int partition, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, partition, key, value)).get(30, TimeUnit.SECONDS);
    }

    /** Writes one record in a committed transaction, as the analyze job writes alerts: a marker follows it. */
    public void sendInTransaction(String topic, String key, byte[] value) {
        try (var transactional = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers, ProducerConfig.TRANSACTIONAL_ID_CONFIG, "notify-it-" + System.nanoTime()),
                new StringSerializer(), new ByteArraySerializer())) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(topic, 0, key, value));
            transactional.commitTransaction();
        }
    }

    /** The group's lag on partition 0 of the topic: its end offset less the group's committed offset. */
    public long lag(String group, String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        long end = admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest())).all()
                .get(30, TimeUnit.SECONDS).get(partition).offset();
        var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                .get(partition);
        return end - (committed == null ? 0 : committed.offset());
    }

    /** Every dead letter on the topic, read until at least {@code expected} came or the timeout passed. */
    public List<DeadLetter> deadLetters(String topic, int expected, Duration timeout) {
        List<DeadLetter> letters = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (letters.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    letters.add(Codecs.DEAD_LETTER.read(record.value()));
                }
            }
        }
        return letters;
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
