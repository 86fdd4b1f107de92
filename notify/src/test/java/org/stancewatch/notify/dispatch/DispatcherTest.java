package org.stancewatch.notify.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.notify.channel.DeliveryException;
import org.stancewatch.notify.config.ChannelSpec;
import org.stancewatch.notify.config.ConfiguredChannel;
import org.stancewatch.notify.ledger.Ledger;
import org.stancewatch.notify.ledger.LedgerEntry;
import org.stancewatch.notify.notice.Notice;
import org.stancewatch.notify.testing.MemoryLedgerLog;
import org.stancewatch.notify.testing.RecordingChannel;
import org.stancewatch.notify.testing.TestNotices;

/** The workers on their own threads, with a real clock. */
class DispatcherTest {

    @Test
    void aChannelThatFailsForeverDoesNotDelayAnotherChannelsDelivery() {
        RecordingChannel broken = new RecordingChannel("broken").failing(call -> {
            sleep(200); // a slow failure, like a timeout
            return new DeliveryException("connection refused", true);
        });
        RecordingChannel healthy = new RecordingChannel("healthy");
        Ledger ledger = new Ledger(new MemoryLedgerLog());
        RetrySchedule quick = new RetrySchedule(Duration.ofMillis(20), Duration.ofMillis(100), 3, Duration.ofMinutes(10));
        try (Dispatcher dispatcher = new Dispatcher(List.of(configured(broken), configured(healthy)), ledger,
                (k, s, p, r, m) -> {}, quick, FaultPoints.NONE, Clock.systemUTC())) {
            dispatcher.start();
            // the broken channel's notices are queued first, and many of them
            for (int i = 0; i < 20; i++) {
                dispatcher.submit(List.of(entry("broken", TestNotices.notice(i))));
            }
            long start = System.nanoTime();
            dispatcher.submit(List.of(entry("healthy", TestNotices.notice(99))));

            await().atMost(Duration.ofSeconds(5)).until(() -> healthy.accepted().size() == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            ChannelWorker brokenWorker = dispatcher.workers().iterator().next();
            await().atMost(Duration.ofSeconds(5)).until(() -> brokenWorker.health().failing());
            assertThat(broken.attempts()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(brokenWorker.pending()).isEqualTo(20);
            assertThat(broken.accepted()).isEmpty();
        }
    }

    private static ConfiguredChannel configured(RecordingChannel channel) {
        return new ConfiguredChannel(new ChannelSpec(channel.name(), "webhook", JsonNodeFactory.instance.objectNode(),
                ChannelSpec.NO_LIMIT), channel);
    }

    private static LedgerEntry entry(String channel, Notice notice) {
        return LedgerEntry.pending(channel, notice, "alerts-0", Instant.now());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
