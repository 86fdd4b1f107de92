package org.stancewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.notify.ledger.Ledger;
import org.stancewatch.notify.testing.MemoryLedgerLog;
import org.stancewatch.notify.testing.TestNotices;

class SourceHealthChangesTest {
    private static final Instant T = TestNotices.DAY;

    @Test
    void onlyAChangeOfHealthIsNewsRecoveryIncluded() {
        SourceHealthChanges changes = new SourceHealthChanges(new Ledger(new MemoryLedgerLog()));

        assertThat(changes.noticeFor(TestNotices.status("reuters", SourceHealth.OK, T))).isEmpty(); // first and fine
        assertThat(changes.noticeFor(TestNotices.status("reuters", SourceHealth.FAILING, T.plusSeconds(60))))
                .hasValueSatisfying(n -> assertThat(n.source().health()).isEqualTo(SourceHealth.FAILING));
        assertThat(changes.noticeFor(TestNotices.status("reuters", SourceHealth.FAILING, T.plusSeconds(60)))).isEmpty();
        assertThat(changes.noticeFor(TestNotices.status("reuters", SourceHealth.OK, T.plusSeconds(600))))
                .hasValueSatisfying(n -> assertThat(n.source().health()).isEqualTo(SourceHealth.OK));
    }

    @Test
    void theLastToldHealthSurvivesARestartThroughTheLedger() {
        MemoryLedgerLog log = new MemoryLedgerLog();
        Ledger ledger = new Ledger(log);
        SourceHealthChanges before = new SourceHealthChanges(ledger);
        assertThat(before.noticeFor(TestNotices.status("bbc", SourceHealth.SILENT, T))).isPresent();
        ledger.recordHealth(before.drain());

        Ledger reread = new Ledger(log);
        reread.load();
        SourceHealthChanges after = new SourceHealthChanges(reread);

        assertThat(after.noticeFor(TestNotices.status("bbc", SourceHealth.SILENT, T))).isEmpty();
        assertThat(after.noticeFor(TestNotices.status("bbc", SourceHealth.OK, T.plusSeconds(3600)))).isPresent();
    }

    @Test
    void aFirstStatusThatIsAProblemIsNews() {
        SourceHealthChanges changes = new SourceHealthChanges(new Ledger(new MemoryLedgerLog()));

        assertThat(changes.noticeFor(TestNotices.status("ap", SourceHealth.ROBOTS_DISALLOWED, T))).isPresent();
    }
}
