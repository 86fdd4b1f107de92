package org.stancewatch.notify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;
import org.stancewatch.notify.testing.MemoryLedgerLog;
import org.stancewatch.notify.testing.TestNotices;

class LedgerTest {
    private static final Instant NOW = Instant.parse("2012-03-01T10:00:00Z");

    @Test
    void aNewLedgerOnTheSameLogRebuildsPendingEntriesWithTheirNoticesAndWhatWasSent() {
        MemoryLedgerLog log = new MemoryLedgerLog();
        Ledger first = new Ledger(log);
        Notice sent = TestNotices.notice(1);
        Notice waiting = TestNotices.notice(2);
        first.recordPending(List.of(LedgerEntry.pending("feed", sent, "alerts-0", NOW),
                LedgerEntry.pending("feed", waiting, "alerts-1", NOW)));
        first.recordSent("feed", Delivery.single(sent), NOW);
        first.recordHealth(List.of(new HealthMark("reuters", SourceHealth.SILENT, NOW)));

        Ledger restarted = new Ledger(log);
        restarted.load();

        assertThat(restarted.pending()).singleElement().satisfies(e -> {
            assertThat(e.notice()).isEqualTo(waiting); // the whole alert survives, to be delivered
            assertThat(e.origin()).isEqualTo("alerts-1");
        });
        assertThat(restarted.state("feed", sent.id())).contains(DeliveryState.SENT);
        assertThat(restarted.pendingFrom(java.util.Set.of("alerts-0"))).isEmpty();
        assertThat(restarted.lastHealth("reuters")).contains(SourceHealth.SILENT);
    }

    @Test
    void readingTheLogAgainNeverTurnsASentEntryBackToPending() {
        MemoryLedgerLog log = new MemoryLedgerLog();
        Ledger ledger = new Ledger(log);
        Notice notice = TestNotices.notice(1);
        ledger.recordPending(List.of(LedgerEntry.pending("feed", notice, "alerts-0", NOW)));
        // the log as another reader saw it before "sent" was written: only the pending entry
        MemoryLedgerLog stale = new MemoryLedgerLog();
        stale.write(Map.of(LedgerEntry.keyOf("feed", notice.id()),
                LedgerEntry.CODEC.write(LedgerEntry.pending("feed", notice, "alerts-0", NOW))));
        ledger.recordSent("feed", Delivery.single(notice), NOW);

        ledger.load(); // reads the full log, whose last word is sent
        assertThat(ledger.state("feed", notice.id())).contains(DeliveryState.SENT);
        assertThat(ledger.pending()).isEmpty();
    }

    @Test
    void aDigestCountsAsOneSendOfTheHour() {
        Ledger ledger = new Ledger(new MemoryLedgerLog());
        List<Notice> notices = List.of(TestNotices.notice(1), TestNotices.notice(2), TestNotices.notice(3));
        ledger.recordSent("hook", Delivery.digest(notices), NOW);
        ledger.recordSent("hook", Delivery.single(TestNotices.notice(4)), NOW.plusSeconds(60));
        ledger.recordSent("hook", Delivery.single(TestNotices.notice(5)), NOW.minus(Duration.ofHours(2)));

        assertThat(ledger.sendsSince("hook", NOW.minus(Duration.ofHours(1)))).containsExactly(NOW, NOW.plusSeconds(60));
    }

    @Test
    void anUnreadableLedgerRecordIsSkippedAndTheRestRead() {
        MemoryLedgerLog log = new MemoryLedgerLog();
        log.write(Map.of("feed|x", "{\"schemaVersion\": 99}".getBytes()));
        Ledger first = new Ledger(log);
        first.recordPending(List.of(LedgerEntry.pending("feed", TestNotices.notice(1), "alerts-0", NOW)));

        Ledger restarted = new Ledger(log);
        restarted.load();

        assertThat(restarted.pending()).hasSize(1);
        assertThat(restarted.isKnown("feed", "x")).isFalse();
    }
}
