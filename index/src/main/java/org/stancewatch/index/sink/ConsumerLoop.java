package org.stancewatch.index.sink;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.kafka.ConsumerStage;
import org.stancewatch.kafka.PartitionHolds;
import org.stancewatch.model.json.RecordFormatException;
import org.stancewatch.model.json.UnsupportedSchemaVersionException;

/**
 * The consumer's thread: polls the four topics, decodes each record and hands it to the
 * dispatcher, commits what the {@link OffsetTracker} says is safe, and pauses consumption while
 * too much awaits Elasticsearch. On stop it waits (bounded) for the documents in flight and
 * commits a last time.
 */
final class ConsumerLoop extends ConsumerStage {
    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

    private final IndexerSettings config;
    private final Map<String, IndexKind> kinds;
    private final DocumentDecoder decoder;
    private final DocumentDispatcher dispatcher;
    private final OffsetTracker tracker;
    private final Runnable flush;
    private boolean paused;
    private final PartitionHolds held = new PartitionHolds();
    private long lastCommit = System.nanoTime();

    ConsumerLoop(KafkaConsumer<byte[], byte[]> consumer, IndexerSettings config, DocumentDecoder decoder,
            DocumentDispatcher dispatcher, OffsetTracker tracker, Runnable flush) {
        super(consumer, "indexer");
        this.config = config;
        this.kinds = IndexKind.byTopic(config.topics());
        this.decoder = decoder;
        this.dispatcher = dispatcher;
        this.tracker = tracker;
        this.flush = flush;
    }

    @Override
    protected void subscribe() {
        consumer.subscribe(kinds.keySet(), new Rebalance());
    }

    @Override
    protected void handleBatch(ConsumerRecords<byte[], byte[]> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            handle(record);
        }
        if (records.isEmpty() || caughtUp()) {
            flush.run(); // nothing more to come for now: send the partial bulk, not at the next flush tick
        }
        for (TopicPartition partition : tracker.partitions()) {
            // past transaction markers too: a partition read to its end can be committed at its end
            if (consumer.assignment().contains(partition)) {
                tracker.readUpTo(partition, consumer.position(partition));
            }
        }
        pauseWhenBehind();
        consumer.resume(held.released(paused ? Set.of() : consumer.paused()));
        if (System.nanoTime() - lastCommit >= config.bulk().commitInterval().toNanos()) {
            commit(tracker.committable());
        }
    }

    /** Waits (bounded) for the documents in flight, then commits a last time. */
    @Override
    protected void beforeClose() {
        drainAndCommit();
    }

    /** Whether every assigned partition has been read to its end, as far as the last fetch knows. */
    private boolean caughtUp() {
        for (TopicPartition partition : consumer.assignment()) {
            if (consumer.currentLag(partition).orElse(1) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Stops the loop for an error found elsewhere (the dispatcher's): {@link #failure()} says it. */
    void fail(Exception error) {
        log.error("the indexer stops: {}", error.getMessage());
        stopFor(error);
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (held.isHeld(partition)) {
            return; // read again once the hold ends
        }
        PendingDocument document;
        try {
            document = decoder.decode(record, kinds.get(record.topic()));
        } catch (UnsupportedSchemaVersionException e) {
            if (e.isNewer()) {
                hold(partition, record.offset(), e);
                return;
            }
            tracker.started(partition, record.offset(), record.value() == null ? 64 : record.value().length);
            dispatcher.deadLetterUnreadable(partition, record.offset(), keyOf(record), record.value(), e.reason(),
                    e.getMessage());
            return;
        } catch (RecordFormatException e) {
            tracker.started(partition, record.offset(), record.value() == null ? 64 : record.value().length);
            dispatcher.deadLetterUnreadable(partition, record.offset(), keyOf(record), record.value(), e.reason(),
                    e.getMessage());
            return;
        } catch (RuntimeException e) {
            tracker.started(partition, record.offset(), record.value() == null ? 64 : record.value().length);
            dispatcher.deadLetterUnreadable(partition, record.offset(), keyOf(record), record.value(),
                    "malformed-record", e.toString());
            return;
        }
        tracker.started(partition, record.offset(), record.value() == null ? 64 : record.value().length);
        dispatcher.submit(document);
    }

    /**
     * A record of a newer schema version (a newer stancewatch wrote it during a rolling upgrade):
     * the partition goes back to it and waits, read again every {@link PartitionHolds#HOLD}, until
     * an upgraded indexer reads it; the other partitions go on.
     */
    private void hold(TopicPartition partition, long offset, UnsupportedSchemaVersionException e) {
        if (held.hold(partition)) {
            log.error("{}@{}: {}. This partition waits for an upgraded indexer (read again every {} s); the "
                    + "others go on.", partition, offset, e.getMessage(), PartitionHolds.HOLD.toSeconds());
        }
        consumer.seek(partition, offset);
        consumer.pause(List.of(partition));
    }

    private static String keyOf(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Back-pressure: stop fetching while Elasticsearch is behind (or away), resume at half. */
    private void pauseWhenBehind() {
        BulkSettings bulk = config.bulk();
        int pending = tracker.outstandingCount();
        long bytes = tracker.outstandingBytes();
        if (pending >= bulk.maxPendingDocuments() || bytes >= bulk.maxPendingBytes()) {
            if (!paused) {
                log.info("{} documents await Elasticsearch; pausing consumption", pending);
            }
            paused = true;
            consumer.pause(consumer.assignment()); // again each time: covers newly assigned partitions
        } else if (paused && pending < bulk.maxPendingDocuments() / 2 && bytes < bulk.maxPendingBytes() / 2) {
            paused = false;
            consumer.resume(held.withoutHeld(consumer.paused()));
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        lastCommit = System.nanoTime();
        if (offsets.isEmpty()) {
            return;
        }
        offsets.keySet().retainAll(consumer.assignment());
        try {
            consumer.commitSync(offsets);
            tracker.markCommitted(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.info("offsets not committed during a rebalance ({}); they are committed next time", e.getMessage());
        }
    }

    private void drainAndCommit() {
        flush.run();
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        while (tracker.outstandingCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (tracker.outstandingCount() > 0) {
            log.warn("stopping with {} documents not yet acknowledged by Elasticsearch; they are indexed "
                    + "again on the next start", tracker.outstandingCount());
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                commit(tracker.committable());
                return;
            } catch (WakeupException late) {
                // the wake-up of stop() arrived after the last poll: it is spent now, commit again
            } catch (KafkaException e) {
                log.warn("last offset commit failed ({}); the next start replays from the previous commit",
                        e.getMessage());
                return;
            }
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            Map<TopicPartition, OffsetAndMetadata> offsets = tracker.committable();
            offsets.keySet().retainAll(revoked);
            try {
                if (!offsets.isEmpty()) {
                    consumer.commitSync(offsets);
                }
            } catch (KafkaException e) {
                log.info("offsets of revoked partitions not committed ({})", e.getMessage());
            }
            tracker.forget(revoked);
            held.forget(revoked);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (!assigned.isEmpty()) {
                log.info("indexing {} partitions: {}", assigned.size(), assigned);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            tracker.forget(lost);
            held.forget(lost);
        }
    }
}
