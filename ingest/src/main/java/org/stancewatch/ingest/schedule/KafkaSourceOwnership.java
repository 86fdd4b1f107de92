package org.stancewatch.ingest.schedule;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.state.StateKey;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Shares sources between crawler instances with Kafka's own group membership: the instances
 * join one consumer group on the crawl-state topic, and an instance owns the sources whose state
 * lives in the partitions assigned to it ({@link StateKey#sourcePartition}). When an instance
 * joins or leaves, Kafka moves partitions; the instance giving a source up stops its run first
 * ({@code beforeRelease}), and the one taking it over reads its state before running it. The
 * consumer never reads records (its partitions stay paused): it is only there for membership.
 */
public final class KafkaSourceOwnership implements SourceOwnership {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceOwnership.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final int partitions;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch firstAssignment = new CountDownLatch(1);
    private final Consumer<Collection<Integer>> beforeRelease;
    private final Thread poller;

    /**
     * @param beforeRelease called with partitions about to be given up, after they stopped counting as owned:
     *                      it returns once the runs of their sources have ended
     */
    public KafkaSourceOwnership(KafkaSettings settings, Consumer<Collection<Integer>> beforeRelease) {
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "stancewatch-crawler-owner-" + settings.instanceId());
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.partitions = consumer.partitionsFor(KafkaTopics.CRAWL_STATE.name(), Duration.ofSeconds(30)).size();
        this.beforeRelease = beforeRelease;
        consumer.subscribe(List.of(KafkaTopics.CRAWL_STATE.name()), new Listener());
        this.poller = Thread.ofPlatform().daemon().name("crawl-ownership").start(this::poll);
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            consumer.pause(assigned);
            assigned.forEach(p -> owned.add(p.partition()));
            if (!assigned.isEmpty()) {
                LOG.info("this crawler now owns crawl-state partitions {}", owned);
            }
            firstAssignment.countDown();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            release(revoked);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            release(lost);
        }

        private void release(Collection<TopicPartition> released) {
            if (released.isEmpty()) {
                return;
            }
            List<Integer> numbers = released.stream().map(TopicPartition::partition).toList();
            owned.removeAll(numbers);
            beforeRelease.accept(numbers);
            LOG.info("this crawler gave up crawl-state partitions {}", numbers);
        }
    }

    private void poll() {
        try {
            while (!closed.get()) {
                consumer.poll(Duration.ofMillis(500));
            }
        } catch (WakeupException e) {
            // closing
        } catch (KafkaException e) {
            LOG.error("crawler group membership failed; this instance stops crawling: {}", e.getMessage(), e);
            owned.clear();
        } finally {
            consumer.close(); // leaves the group: the others take over at once
        }
    }

    /** Waits until the group has assigned this instance its partitions (possibly none). */
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return firstAssignment.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean owns(String sourceId) {
        return owned.contains(StateKey.sourcePartition(sourceId, partitions));
    }

    /** The partition that holds a source's state (and decides its owner). */
    public int partitionOf(String sourceId) {
        return StateKey.sourcePartition(sourceId, partitions);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            consumer.wakeup();
            try {
                poller.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
