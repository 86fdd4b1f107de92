package org.stancewatch.index.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.kafka.KafkaTopicNames;

/** Topics, producing and reading for the indexer's tests, on the embedded broker. */
public final class KafkaTestSupport implements AutoCloseable {
    private final String bootstrapServers;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;
    private final java.util.Queue<Exception> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public KafkaTestSupport(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // a busy build machine can be slow to take a large burst of records: do not expire them
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000);
        // Seen here: the idempotent producer, writing to a partition created a moment before on a
        // busy machine, retried its first batch after later ones were written and was refused
        // forever (OutOfOrderSequenceException). One request in flight keeps order without it;
        // a rare duplicate from a retry is harmless, since documents are keyed by record id.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    public void createTopics(KafkaTopicNames topics, int partitions) throws Exception {
        List<NewTopic> created = new ArrayList<>();
        for (String name : topics.recordTopics()) {
            created.add(new NewTopic(name, partitions, (short) 1));
        }
        created.add(new NewTopic(topics.deadLetters(), 1, (short) 1));
        admin.createTopics(created).all().get(30, TimeUnit.SECONDS);
        // a new partition takes a moment to get its leader; sending before that only adds retries
        List<String> names = created.stream().map(NewTopic::name).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                boolean ready = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (ready) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                } // not in the broker's metadata yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the test topics got no leader within 30 s");
    }

    public <T extends Record> void send(String topic, String key, T record) {
        send(topic, key, record == null ? null : codecOf(record).write(record));
    }

    public void send(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                failures.add(error);
            }
        });
    }

    /** Waits until every record sent is on the broker; fails if any could not be sent. */
    public void flush() {
        producer.flush();
        if (!failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException(failures.size() + " test records were not sent, "
                    + "e.g. " + failures.peek());
            failures.forEach(failed::addSuppressed);
            failures.clear();
            throw failed;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Record> org.stancewatch.model.json.RecordCodec<T> codecOf(T record) {
        Object codec = switch (record) {
            case org.stancewatch.model.Article a -> Codecs.ARTICLE;
            case org.stancewatch.model.Mention m -> Codecs.MENTION;
            case org.stancewatch.model.StanceBucket b -> Codecs.STANCE_BUCKET;
            case org.stancewatch.model.Alert a -> Codecs.ALERT;
            default -> throw new IllegalArgumentException("no codec for " + record.getClass());
        };
        return (org.stancewatch.model.json.RecordCodec<T>) codec;
    }

    /** Reads the dead-letter topic until {@code expected} records arrived (or the timeout). */
    public List<DeadLetter> deadLetters(String topic, int expected, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (letters.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    letters.add(Codecs.DEAD_LETTER.read(record.value()));
                }
            }
            // anything beyond the expected number would be a failure too: read a little longer
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                letters.add(Codecs.DEAD_LETTER.read(record.value()));
            }
        }
        return letters;
    }

    /** The group's lag over these topics: end offsets minus committed offsets (missing = 0). */
    public long lag(String groupId, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var description : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()),
                    OffsetSpec.latest()));
        }
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
