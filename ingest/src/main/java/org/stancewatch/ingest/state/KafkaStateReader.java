package org.stancewatch.ingest.state;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Keeps a {@link CrawlState} in step with the compacted crawl-state topic: at start it reads
 * the whole topic (every partition, committed records only) before the crawler does anything,
 * then it follows the topic, so that the state other crawler instances write is seen here too.
 *
 * <p>Why a compacted topic: the state must outlive the process, be shared by every instance,
 * and need nothing besides the Kafka the pipeline already has. Compaction keeps the latest
 * record per key, so the topic holds the current state, not its history; and since the crawler
 * writes state in the same transaction as the articles, the two never disagree.
 */
public final class KafkaStateReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStateReader.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final CrawlState state;
    private final List<TopicPartition> partitions;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object positionsLock = new Object();
    private Map<TopicPartition, Long> positions = Map.of();
    private Thread follower;

    private KafkaStateReader(KafkaSettings settings, CrawlState state) {
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "stancewatch-crawler-state-" + settings.instanceId());
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.state = state;
        this.partitions = consumer.partitionsFor(KafkaTopics.CRAWL_STATE.name(), Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads the whole topic into {@code state}, then follows it in the background. */
    public static KafkaStateReader start(KafkaSettings settings, CrawlState state, Duration timeout) {
        KafkaStateReader reader = new KafkaStateReader(settings, state);
        try {
            long started = System.nanoTime();
            reader.restore(timeout);
            LOG.info("crawl state restored from {}: {} records in {} ms{}", KafkaTopics.CRAWL_STATE.name(), reader.records.get(),
                    (System.nanoTime() - started) / 1_000_000,
                    reader.malformed.get() > 0 ? " (" + reader.malformed.get() + " unreadable records skipped)" : "");
        } catch (RuntimeException e) {
            reader.consumer.close();
            throw e;
        }
        reader.follower = Thread.ofPlatform().daemon().name("crawl-state-follower").start(reader::follow);
        return reader;
    }

    private void restore(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUpTo(end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the crawl state topic could not be read within " + timeout.toSeconds() + " s");
            }
            pollOnce(Duration.ofMillis(200));
        }
    }

    private boolean caughtUpTo(Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    private void pollOnce(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            records.incrementAndGet();
            try {
                state.apply(record.key(), StateCodec.read(record.key(), record.value()));
            } catch (IOException | RuntimeException e) {
                malformed.incrementAndGet();
                LOG.warn("skipping unreadable crawl-state record {} at {}-{}@{}: {}", record.key(), record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        }
        Map<TopicPartition, Long> now = new HashMap<>();
        for (TopicPartition partition : partitions) {
            now.put(partition, consumer.position(partition));
        }
        synchronized (positionsLock) {
            positions = now;
            positionsLock.notifyAll();
        }
    }

    private void follow() {
        try {
            while (!closed.get()) {
                pollOnce(Duration.ofMillis(500));
            }
        } catch (WakeupException e) {
            // closing
        } catch (KafkaException e) {
            if (!closed.get()) {
                LOG.error("stopped following the crawl state topic: {}", e.getMessage(), e);
            }
        } finally {
            consumer.close();
        }
    }

    /** Waits until everything committed to the topic before this call has been applied. */
    public void awaitCaughtUp(Map<TopicPartition, Long> endOffsets, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (positionsLock) {
            while (!reached(endOffsets)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new IllegalStateException("the crawl state did not catch up within " + timeout.toSeconds() + " s");
                }
                positionsLock.wait(left);
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (var entry : end.entrySet()) {
            if (positions.getOrDefault(entry.getKey(), 0L) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    public long recordsRead() {
        return records.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            consumer.wakeup();
            if (follower != null) {
                try {
                    follower.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                consumer.close();
            }
        }
    }
}
