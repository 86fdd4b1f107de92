package org.stancewatch.index.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every way a dead letter can fail to be written ends in a bounded outcome that says so. */
class DeadLetterOutcomeTest {
    private static final TopicPartition PARTITION = new TopicPartition("stancewatch.mentions", 0);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final OffsetTracker tracker = new OffsetTracker();
    private final IndexerStats stats = new IndexerStats(tracker::outstandingCount);
    private final CompletableFuture<Exception> stopped = new CompletableFuture<>();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void aDeadLetterKafkaRefusesForGoodIsCountedAsLostAndItsRecordAcknowledged() {
        FailingSink sink = new FailingSink(Integer.MAX_VALUE, new RecordTooLargeException("too large"));

        unreadableRecordAt(7, sink);

        await().atMost(Duration.ofSeconds(5)).until(() -> stats.snapshot().deadLettersLost() == 1);
        assertThat(sink.attempts).hasValue(1);
        assertThat(tracker.committable().get(PARTITION).offset()).isEqualTo(8);
        assertThat(stats.snapshot().toString()).contains("1 LOST");
        assertThat(stopped).isNotDone();
    }

    @Test
    void aDeadLetterThatFailsForAWhileIsRetriedUntilWritten() {
        FailingSink sink = new FailingSink(3, new TimeoutException("broker away"));

        unreadableRecordAt(7, sink);

        await().atMost(Duration.ofSeconds(5)).until(() -> stats.snapshot().deadLettered() == 1);
        assertThat(sink.attempts).hasValue(4);
        assertThat(tracker.committable().get(PARTITION).offset()).isEqualTo(8);
    }

    @Test
    void aDeadLetterThatKeepsFailingStopsTheIndexerWithItsRecordUnacknowledged() throws Exception {
        FailingSink sink = new FailingSink(Integer.MAX_VALUE, new TimeoutException("broker away"));

        unreadableRecordAt(7, sink);

        Exception reason = stopped.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(reason).hasMessageContaining("cannot write to the dead-letter topic after "
                + DocumentDispatcher.MAX_DEAD_LETTER_ATTEMPTS + " attempts").hasMessageContaining("broker away");
        assertThat(sink.attempts).hasValue(DocumentDispatcher.MAX_DEAD_LETTER_ATTEMPTS);
        // committed up to the record, not past it: the next start reads it again
        assertThat(tracker.committable().get(PARTITION).offset()).isEqualTo(7);
    }

    private void unreadableRecordAt(long offset, DeadLetterSink sink) {
        BulkSettings settings = BulkSettings.defaults()
                .withBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(2)));
        DocumentDispatcher dispatcher = new DocumentDispatcher(tracker, stats, sink, null, () -> { }, settings, scheduler,
                null);
        dispatcher.attach(null, stopped::complete);
        tracker.started(PARTITION, offset, 10);
        tracker.readUpTo(PARTITION, offset + 1);
        dispatcher.deadLetterUnreadable(PARTITION, offset, "key", "not json".getBytes(), "malformed-record", "bad");
    }

    /** Fails the first {@code failures} sends with {@code error}, then stores. */
    private static final class FailingSink implements DeadLetterSink {
        final AtomicInteger attempts = new AtomicInteger();
        private final int failures;
        private final Exception error;

        FailingSink(int failures, Exception error) {
            this.failures = failures;
            this.error = error;
        }

        @Override
        public void publish(String key, String subject, byte[] payload, String reason, String message,
                            Runnable written, Consumer<Exception> failed) {
            if (attempts.incrementAndGet() <= failures) {
                failed.accept(error);
            } else {
                written.run();
            }
        }

        @Override
        public void close() {}
    }
}
