package org.stancewatch.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
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
import org.stancewatch.kafka.ConsumerStage;
import org.stancewatch.kafka.PartitionHolds;
import org.stancewatch.model.Alert;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.json.RecordFormatException;
import org.stancewatch.model.json.UnsupportedSchemaVersionException;
import org.stancewatch.notify.dispatch.DeadLetterSink;
import org.stancewatch.notify.dispatch.Dispatcher;
import org.stancewatch.notify.dispatch.FaultPoints;
import org.stancewatch.notify.ledger.Ledger;
import org.stancewatch.notify.ledger.LedgerEntry;
import org.stancewatch.notify.ledger.LedgerException;
import org.stancewatch.notify.notice.Notice;
import org.stancewatch.notify.watchlist.NoticeMatcher;

/**
 * The consumer's thread. For each polled batch: decide the deliveries (notice × channel) not
 * already in the ledger; write them {@code pending} and wait for the broker; commit the
 * offsets; only then hand them to the channels' workers. A crash at any point therefore leaves
 * each notice either still to be read or pending in the ledger, never lost.
 */
final class NotifierLoop extends ConsumerStage {
    private static final Logger log = LoggerFactory.getLogger(NotifierLoop.class);
    /** How long to wait before reading a batch again when the ledger or the dead-letter topic cannot be written. */
    static final Duration STORAGE_RETRY = Duration.ofSeconds(5);

    private final NotifierKafkaTopics topics;
    private final Ledger ledger;
    private final NoticeMatcher matcher;
    private final Dispatcher dispatcher;
    private final DeadLetterSink deadLetters;
    private final FaultPoints faults;
    private final SourceHealthChanges healthChanges;
    private final PartitionHolds holds = new PartitionHolds();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile int held;

    NotifierLoop(KafkaConsumer<byte[], byte[]> consumer, NotifierKafkaTopics topics, Ledger ledger, NoticeMatcher matcher,
            Dispatcher dispatcher, DeadLetterSink deadLetters, FaultPoints faults) {
        super(consumer, "notifier");
        this.topics = topics;
        this.ledger = ledger;
        this.matcher = matcher;
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.faults = faults;
        this.healthChanges = new SourceHealthChanges(ledger);
    }

    @Override
    protected void subscribe() {
        consumer.subscribe(topics.consumed(), new Rebalance());
    }

    /**
     * Handles a batch, or commits the positions when there was none. Nothing is left to commit
     * when the loop ends: every batch was committed once its pending entries were durable.
     */
    @Override
    protected void handleBatch(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        if (!records.isEmpty()) {
            handleOrRewind(records);
        } else {
            commitPositions(); // past transaction markers: a partition read to its end is committed at its end
        }
        consumer.resume(holds.released(consumer.paused()));
        held = holds.count();
    }

    long deadLettered() {
        return deadLettered.get();
    }

    int heldPartitions() {
        return held;
    }

    /**
     * Handles the batch; when the ledger or the dead-letter topic cannot be written (the broker is
     * away), nothing was committed or handed on, so the batch is simply read again a little later.
     */
    private void handleOrRewind(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        try {
            handle(records);
        } catch (WakeupException stop) {
            throw stop;
        } catch (LedgerException | KafkaException e) {
            healthChanges.drain(); // decided again from the records
            for (TopicPartition partition : records.partitions()) {
                if (consumer.assignment().contains(partition) && !holds.isHeld(partition)) {
                    consumer.seek(partition, records.records(partition).get(0).offset());
                }
            }
            log.warn("cannot record the batch ({}); nothing is lost: it is read again in {} s", e.getMessage(),
                    STORAGE_RETRY.toSeconds());
            Thread.sleep(STORAGE_RETRY.toMillis());
        }
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        Map<String, LedgerEntry> decided = new LinkedHashMap<>();
        Set<TopicPartition> heldNow = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (heldNow.contains(partition) || holds.isHeld(partition)) {
                continue; // read again once the hold ends
            }
            try {
                notice(record).ifPresent(notice -> decide(notice, partition, decided));
            } catch (UnsupportedSchemaVersionException e) {
                if (e.isNewer()) {
                    hold(partition, record.offset(), e);
                    heldNow.add(partition);
                    continue;
                }
                deadLetter(record, e.reason(), e.getMessage());
            } catch (RecordFormatException e) {
                deadLetter(record, e.reason(), e.getMessage());
            } catch (RuntimeException e) {
                deadLetter(record, "malformed-record", e.toString());
            }
        }
        ledger.recordPending(decided.values());
        ledger.recordHealth(healthChanges.drain()); // after the notices: a crash between replays the change
        faults.beforeCommit();
        if (commitPositions()) {
            dispatcher.submit(decided.values());
        } // else another notifier owns those partitions now, and takes their pending entries from the ledger
    }

    private Optional<Notice> notice(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Optional.empty(); // a tombstone: nothing to tell
        }
        if (record.topic().equals(topics.alerts())) {
            Alert alert = Codecs.ALERT.read(record.value());
            return Optional.of(Notice.of(alert));
        }
        SourceStatus status = Codecs.SOURCE_STATUS.read(record.value());
        return healthChanges.noticeFor(status);
    }

    private void decide(Notice notice, TopicPartition partition, Map<String, LedgerEntry> decided) {
        for (String channel : matcher.channelsFor(notice)) {
            LedgerEntry entry = LedgerEntry.pending(channel, notice, partition.toString(), notice.at());
            if (!ledger.isKnown(channel, notice.id())) {
                decided.putIfAbsent(entry.key(), entry);
            }
        }
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, String reason, String message) {
        String subject = DeadLetter.subjectOf(record.topic(), record.partition(), record.offset());
        String key = record.key() == null ? null : DeadLetter.payloadOf(record.key());
        deadLetters.publish(key, subject, DeadLetter.payloadOf(record.value()), reason, message);
        deadLettered.incrementAndGet();
    }

    /**
     * A record of a newer schema version (a newer stancewatch wrote it during a rolling upgrade):
     * its partition goes back to it and waits, read again every {@link PartitionHolds#HOLD},
     * until an upgraded notifier reads it; the other partitions go on.
     */
    private void hold(TopicPartition partition, long offset, UnsupportedSchemaVersionException e) {
        if (holds.hold(partition)) {
            log.error("{}@{}: {}. This partition waits for an upgraded notifier (read again every {} s); the others "
                    + "go on. Upgrade stancewatch.", partition, offset, e.getMessage(), PartitionHolds.HOLD.toSeconds());
        }
        consumer.seek(partition, offset);
        consumer.pause(List.of(partition));
    }

    /**
     * Commits each assigned partition's position where it moved: everything before it was handled
     * (a held partition was sought back to its waiting record), and a position past a transaction
     * marker lets a partition read to its end show no lag.
     */
    private boolean commitPositions() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            if (!Long.valueOf(position).equals(committed.get(partition))) {
                offsets.put(partition, new OffsetAndMetadata(position));
            }
        }
        if (offsets.isEmpty()) {
            return true;
        }
        try {
            consumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
            return true;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.info("offsets not committed during a rebalance ({}); the pending notices stay in the ledger for "
                    + "the partitions' new owner", e.getMessage());
            return false;
        }
    }

    private static Set<String> origins(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).collect(Collectors.toSet());
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (assigned.isEmpty()) {
                return;
            }
            // the ledger as it is now: what the previous owner of these partitions left pending is ours
            ledger.load();
            List<LedgerEntry> adopted = new ArrayList<>(ledger.pendingFrom(origins(assigned)));
            dispatcher.submit(adopted);
            log.info("notifying from {} partitions ({} pending notices taken over from the ledger)", assigned.size(),
                    adopted.size());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            dispatcher.release(origins(revoked));
            revoked.forEach(committed::remove);
            holds.forget(revoked);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            onPartitionsRevoked(lost);
        }
    }
}
