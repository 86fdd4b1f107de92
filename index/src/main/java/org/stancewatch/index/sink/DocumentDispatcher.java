package org.stancewatch.index.sink;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.model.DeadLetter;

/**
 * Moves documents through the {@link BulkIngester} and decides what happens after each result:
 * acknowledge, retry after a back-off, or dead-letter.
 *
 * <p>At most one write per document id is in flight: a later record for the same id waits until
 * the earlier one is acknowledged, so concurrent bulk requests can never apply an older version
 * last. While one waits, a later record for the same id replaces it (the waiting one is
 * acknowledged as superseded: the later record carries the whole document), unless the later one
 * is a late copy of an older revision: then it is the one acknowledged as superseded.
 */
final class DocumentDispatcher {
    private static final Logger log = LoggerFactory.getLogger(DocumentDispatcher.class);

    private final Map<String, PendingDocument> waitingBySlot = new HashMap<>();
    private final Map<String, Boolean> busySlots = new HashMap<>();
    private final OffsetTracker tracker;
    private final IndexerStats stats;
    private final DeadLetterSink deadLetters;
    private final RevisionCleanup cleanup;
    private final BulkSettings settings;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService cleanupExecutor;
    private volatile BulkIngester<PendingDocument> ingester;
    private volatile Consumer<Exception> stop = error -> { };
    private static final Duration RETRY_NOTICE_INTERVAL = Duration.ofMinutes(1);
    private final AtomicLong lastRetryNotice = new AtomicLong(System.nanoTime() - RETRY_NOTICE_INTERVAL.toNanos() - 1);
    private final AtomicBoolean recreatingIndices = new AtomicBoolean();
    private final Runnable recreateIndices;
    /** Documents per revision clean-up round: one multi-get of at most this many article ids. */
    private static final int MAX_CLEANUP_BATCH = 10_000;
    /** Attempts to write one dead letter before the indexer stops: about four minutes at the default back-off. */
    static final int MAX_DEAD_LETTER_ATTEMPTS = 15;
    private final Queue<PendingDocument> mentionsToClean = new ConcurrentLinkedQueue<>();
    private final Queue<PendingDocument> articlesToClean = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean cleanupScheduled = new AtomicBoolean();

    DocumentDispatcher(OffsetTracker tracker, IndexerStats stats, DeadLetterSink deadLetters,
            RevisionCleanup cleanup, Runnable recreateIndices, BulkSettings settings, ScheduledExecutorService scheduler,
            ExecutorService cleanupExecutor) {
        this.recreateIndices = recreateIndices;
        this.tracker = tracker;
        this.stats = stats;
        this.deadLetters = deadLetters;
        this.cleanup = cleanup;
        this.settings = settings;
        this.scheduler = scheduler;
        this.cleanupExecutor = cleanupExecutor;
    }

    /** Connects the ingester to write with, and what stops the indexer when a dead letter cannot be written. */
    void attach(BulkIngester<PendingDocument> ingester, Consumer<Exception> stop) {
        this.ingester = ingester;
        this.stop = stop;
    }

    /** A decoded record: write it now, or after the write of the same id in flight. */
    void submit(PendingDocument document) {
        PendingDocument superseded = null;
        boolean sendNow;
        synchronized (busySlots) {
            String slot = document.slotKey();
            if (busySlots.putIfAbsent(slot, Boolean.TRUE) == null) {
                sendNow = true;
            } else {
                PendingDocument waiting = waitingBySlot.get(slot);
                if (waiting != null && document.isOlderRevisionThan(waiting)) {
                    superseded = document;
                } else {
                    superseded = waitingBySlot.put(slot, document);
                }
                sendNow = false;
            }
        }
        if (superseded != null) {
            stats.superseded.incrementAndGet();
            finish(superseded, false);
        }
        if (sendNow) {
            ingester.add(document.operation(), document); // blocks while the ingester is full: back-pressure
        }
    }

    /** A record that could not be decoded: straight to the dead-letter topic. */
    void deadLetterUnreadable(TopicPartition partition, long offset, String key, byte[] value, String reason,
            String message) {
        String subject = DeadLetter.subjectOf(partition.topic(), partition.partition(), offset);
        deadLetter(new DeadLetterAttempt(key, subject, value, reason, message, () -> tracker.completed(partition, offset)),
                1);
    }

    /** One dead letter on its way, and what acknowledges its record once it is settled. */
    private record DeadLetterAttempt(String key, String subject, byte[] value, String reason, String message,
                                     Runnable settled) {}

    /**
     * Writes a dead letter, and ends in a bounded, visible outcome when it cannot: refused for
     * good (too large, invalid), it is counted as lost and its record acknowledged; failing for
     * {@link #MAX_DEAD_LETTER_ATTEMPTS} attempts in a row (Kafka unreachable, not allowed), the
     * indexer stops with the reason, its record not acknowledged, so nothing is lost.
     */
    private void deadLetter(DeadLetterAttempt letter, int attempt) {
        deadLetters.publish(letter.key(), letter.subject(), letter.value(), letter.reason(), letter.message(), () -> {
            stats.deadLettered.incrementAndGet();
            letter.settled().run();
        }, error -> {
            if (refusedForGood(error)) {
                stats.deadLettersLost.incrementAndGet();
                log.error("Kafka refused the dead letter for {} ({}); the record is skipped without one. Raise "
                        + "max.message.bytes of the dead-letter topic if this repeats.", letter.subject(),
                        error.getMessage());
                letter.settled().run();
            } else if (attempt >= MAX_DEAD_LETTER_ATTEMPTS) {
                stop.accept(new IllegalStateException("cannot write to the dead-letter topic after " + attempt
                        + " attempts (" + error.getMessage() + "); the indexer stops with " + letter.subject()
                        + " unacknowledged, and starts from it again once Kafka accepts dead letters", error));
            } else {
                log.warn("cannot dead-letter {} yet ({}); retrying", letter.subject(), error.getMessage());
                schedule(() -> deadLetter(letter, attempt + 1), attempt);
            }
        });
    }

    /** Errors about the dead letter itself: sending it again can only fail again. */
    static boolean refusedForGood(Exception error) {
        Throwable cause = error instanceof java.util.concurrent.ExecutionException && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidRecordException || cause instanceof SerializationException;
    }

    /** Elasticsearch acknowledged these documents. */
    void indexed(List<PendingDocument> documents) {
        List<PendingDocument> mentions = new ArrayList<>();
        List<PendingDocument> revisedArticles = new ArrayList<>();
        for (PendingDocument document : documents) {
            if (document.kind() == IndexKind.MENTIONS && !document.isDelete()) {
                mentions.add(document);
            } else if (document.kind() == IndexKind.ARTICLES && !document.isDelete() && document.revision() > 1) {
                revisedArticles.add(document);
            } else {
                stats.indexed(document.kind());
                finish(document, true);
            }
        }
        if (!mentions.isEmpty()) {
            cleanUp(mentions, false);
        }
        if (!revisedArticles.isEmpty()) {
            cleanUp(revisedArticles, true);
        }
    }

    /** A newer version of the document is already indexed. */
    void superseded(PendingDocument document) {
        stats.superseded.incrementAndGet();
        finish(document, true);
    }

    /**
     * Retry after a back-off, for as long as it takes: Elasticsearch refusing writes for a while
     * (overloaded, 5xx, read-only at the disk flood stage) pauses the indexer (back-pressure stops
     * consumption) rather than sending documents to the dead-letter topic. Said once a minute.
     */
    void retry(PendingDocument document, String why) {
        int retry = document.retried();
        stats.retried.incrementAndGet();
        long now = System.nanoTime();
        long last = lastRetryNotice.get();
        if (now - last > RETRY_NOTICE_INTERVAL.toNanos() && lastRetryNotice.compareAndSet(last, now)) {
            log.warn("Elasticsearch refuses writes for now ({}); the indexer retries with back-off and waits, "
                    + "nothing is dead-lettered ({} retries so far)", why, stats.retried.get());
        }
        schedule(() -> resend(document), retry);
    }

    /**
     * The document's index is gone (deleted under the indexer): the indices are created again,
     * once for all the documents that find it missing, then the document is retried.
     */
    void indexMissing(PendingDocument document, String why) {
        if (recreatingIndices.compareAndSet(false, true)) {
            log.warn("an index is missing ({}); creating the indices again", why);
            try {
                cleanupExecutor.execute(() -> {
                    try {
                        recreateIndices.run();
                    } catch (RuntimeException e) {
                        log.warn("cannot create the indices yet ({}); retrying", e.getMessage());
                    } finally {
                        recreatingIndices.set(false);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                recreatingIndices.set(false);
            }
        }
        retry(document, why);
    }

    /** Elasticsearch refuses the document: dead-letter it with Elasticsearch's error. */
    void reject(PendingDocument document, String reason, String message) {
        deadLetter(new DeadLetterAttempt(document.key(), document.subject(), document.value(), reason, message,
                () -> finish(document, true)), 1);
    }

    /**
     * Queues documents for the revision clean-up. One task at a time drains everything queued, so
     * when Elasticsearch is slow the checks grow larger instead of queueing up one per bulk.
     */
    private void cleanUp(List<PendingDocument> documents, boolean articles) {
        (articles ? articlesToClean : mentionsToClean).addAll(documents);
        if (cleanupScheduled.compareAndSet(false, true)) {
            runCleanup(1);
        }
    }

    private void runCleanup(int attempt) {
        try {
            cleanupExecutor.execute(() -> {
                List<PendingDocument> articles = drain(articlesToClean);
                List<PendingDocument> mentions = drain(mentionsToClean);
                try {
                    long deleted = 0;
                    if (!articles.isEmpty()) {
                        deleted += cleanup.afterArticles(articles);
                    }
                    if (!mentions.isEmpty()) {
                        deleted += cleanup.afterMentions(mentions);
                    }
                    stats.staleMentionsDeleted.addAndGet(deleted);
                    for (PendingDocument document : articles) {
                        stats.indexed(document.kind());
                        finish(document, true);
                    }
                    for (PendingDocument document : mentions) {
                        stats.indexed(document.kind());
                        finish(document, true);
                    }
                    cleanupScheduled.set(false);
                    if ((!articlesToClean.isEmpty() || !mentionsToClean.isEmpty())
                            && cleanupScheduled.compareAndSet(false, true)) {
                        runCleanup(1);
                    }
                } catch (Exception e) {
                    log.warn("revision clean-up failed ({}); retrying", e.getMessage());
                    stats.retried.incrementAndGet();
                    articlesToClean.addAll(articles);
                    mentionsToClean.addAll(mentions);
                    schedule(() -> runCleanup(attempt + 1), attempt);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // shutting down: the records stay unacknowledged and are replayed on the next start
        }
    }

    private static List<PendingDocument> drain(Queue<PendingDocument> queue) {
        List<PendingDocument> drained = new ArrayList<>();
        PendingDocument next;
        while (drained.size() < MAX_CLEANUP_BATCH && (next = queue.poll()) != null) {
            drained.add(next);
        }
        return drained;
    }

    private void resend(PendingDocument document) {
        try {
            ingester.add(document.operation(), document);
        } catch (IllegalStateException closed) {
            // shutting down: the record stays unacknowledged and is replayed on the next start
        }
    }

    private void schedule(Runnable task, int retry) {
        try {
            scheduler.schedule(task, settings.backoff().delayMillis(retry), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // shutting down: the record stays unacknowledged and is replayed on the next start
        }
    }

    /** Acknowledges the record and sends the next waiting write of the same id, if any. */
    private void finish(PendingDocument document, boolean releaseSlot) {
        tracker.completed(document.partition(), document.offset());
        if (!releaseSlot) {
            return; // a superseded waiting record never held the slot
        }
        PendingDocument next;
        synchronized (busySlots) {
            next = waitingBySlot.remove(document.slotKey());
            if (next == null) {
                busySlots.remove(document.slotKey());
            }
        }
        if (next != null) {
            PendingDocument send = next;
            try {
                scheduler.execute(() -> resend(send)); // never block the ingester's listener thread
            } catch (RejectedExecutionException stopping) {
                // shutting down: replayed on the next start
            }
        }
    }
}
