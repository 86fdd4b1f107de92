package org.stancewatch.notify.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.notify.channel.DeliveryException;
import org.stancewatch.notify.config.ChannelSpec;
import org.stancewatch.notify.ledger.DeliveryState;
import org.stancewatch.notify.ledger.Ledger;
import org.stancewatch.notify.ledger.LedgerEntry;
import org.stancewatch.notify.notice.Notice;
import org.stancewatch.notify.testing.MemoryLedgerLog;
import org.stancewatch.notify.testing.RecordingChannel;
import org.stancewatch.notify.testing.TestNotices;
import org.stancewatch.testing.MutableClock;

/** One channel's worker, stepped by hand on a clock the test moves. */
class ChannelWorkerTest {
    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(5), 5,
            Duration.ofMinutes(10));

    private final MutableClock clock = new MutableClock(Instant.parse("2012-03-01T10:00:00Z"));
    private final Ledger ledger = new Ledger(new MemoryLedgerLog());
    private final List<String> deadLetters = new ArrayList<>();
    private final DeadLetterSink dlq = (key, subject, payload, reason, message) -> deadLetters.add(reason + " " + subject);

    @Test
    void aChannelFailingThreeTimesThenSucceedingDeliversOnceAfterBackingOff() {
        RecordingChannel channel = new RecordingChannel("hook")
                .failing(call -> call <= 3 ? new DeliveryException("HTTP 503", true) : null);
        ChannelWorker worker = worker(channel, ChannelSpec.NO_LIMIT);
        Notice notice = offer(worker, 1).get(0);

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant next = worker.step();
            waits.add(Duration.between(clock.instant(), next));
            assertThat(worker.step()).as("not tried again before the back-off").isEqualTo(next);
            clock.advance(Duration.between(clock.instant(), next));
        }
        worker.step();

        assertThat(channel.attempts()).hasSize(4).containsOnly(notice.id()); // the same id each time
        assertThat(channel.accepted()).hasSize(1);
        assertThat(ledger.state("hook", notice.id())).contains(DeliveryState.SENT);
        assertThat(worker.pending()).isZero();
        assertThat(worker.health().failures()).isZero();
        // 1 s, 2 s, 4 s, each give or take a quarter
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1250));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(3000), Duration.ofMillis(5000));
    }

    @Test
    void aNonRetryableFailureIsRecordedFailedDeadLetteredAndNotTriedAgain() {
        RecordingChannel channel = new RecordingChannel("hook")
                .failing(call -> new DeliveryException("HTTP 410 Gone: the hook was deleted", false));
        ChannelWorker worker = worker(channel, ChannelSpec.NO_LIMIT);
        Notice notice = offer(worker, 1).get(0);

        worker.step();
        clock.advance(Duration.ofHours(1));
        assertThat(worker.step()).isNull(); // nothing left to do

        assertThat(channel.attempts()).hasSize(1);
        assertThat(ledger.state("hook", notice.id())).contains(DeliveryState.FAILED);
        assertThat(deadLetters).containsExactly("delivery-refused hook|" + notice.id());
        assertThat(worker.failed()).isEqualTo(1);
    }

    @Test
    void aChannelFailingFiveTimesInARowIsReportedFailingAndKeepsItsNoticesPending() {
        RecordingChannel channel = new RecordingChannel("hook").failing(call -> new DeliveryException("timeout", true));
        ChannelWorker worker = worker(channel, ChannelSpec.NO_LIMIT);
        Notice notice = offer(worker, 1).get(0);

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(worker.health().failing()).isFalse();
            clock.advance(Duration.between(clock.instant(), worker.step()));
        }

        assertThat(worker.health().failing()).isTrue();
        assertThat(worker.health().lastError()).isEqualTo("timeout");
        assertThat(worker.pending()).isEqualTo(1);
        assertThat(ledger.state("hook", notice.id())).contains(DeliveryState.PENDING);
    }

    @Test
    void aReceiversRetryAfterHintIsHonouredUpToTheLongestDelay() {
        RecordingChannel channel = new RecordingChannel("hook")
                .failing(call -> new DeliveryException("429", true, Duration.ofSeconds(90), null));
        ChannelWorker worker = worker(channel, ChannelSpec.NO_LIMIT);
        offer(worker, 1);

        Instant next = worker.step();

        assertThat(Duration.between(clock.instant(), next)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void beyondTheHourlyLimitNoticesAreHeldAndSentAsOneDigestWhenTheBudgetReturns() {
        RecordingChannel channel = new RecordingChannel("hook");
        ChannelWorker worker = worker(channel, 2);
        List<Notice> notices = offer(worker, 5);

        worker.step();
        clock.advance(Duration.ofMinutes(10));
        worker.step();
        Instant next = worker.step(); // the hour's two messages are spent

        assertThat(channel.accepted()).hasSize(2).allSatisfy(d -> assertThat(d.isDigest()).isFalse());
        assertThat(next).isEqualTo(Instant.parse("2012-03-01T11:00:00Z")); // when the first leaves the hour
        assertThat(worker.pending()).isEqualTo(3);
        assertThat(ledger.state("hook", notices.get(2).id())).contains(DeliveryState.PENDING);

        clock.advance(Duration.between(clock.instant(), next));
        worker.step();

        assertThat(channel.accepted()).hasSize(3);
        assertThat(channel.accepted().get(2).isDigest()).isTrue();
        assertThat(channel.accepted().get(2).notices()).containsExactlyElementsOf(notices.subList(2, 5));
        assertThat(worker.messages()).isEqualTo(3);
        assertThat(worker.delivered()).isEqualTo(5);
    }

    @Test
    void messagesSentBeforeARestartStillCountAgainstTheHour() {
        RecordingChannel first = new RecordingChannel("hook");
        ChannelWorker before = worker(first, 1);
        offer(before, 1);
        before.step();

        RecordingChannel second = new RecordingChannel("hook");
        ChannelWorker after = worker(second, 1); // same ledger: a restart
        after.offer(List.of(LedgerEntry.pending("hook", TestNotices.notice(7), "alerts-0", clock.instant())));

        assertThat(after.step()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(second.attempts()).isEmpty();
    }

    private ChannelWorker worker(RecordingChannel channel, int maxPerHour) {
        ChannelSpec spec = new ChannelSpec(channel.name(), "webhook", JsonNodeFactory.instance.objectNode(), maxPerHour);
        return new ChannelWorker(spec, channel, ledger, dlq, SCHEDULE, FaultPoints.NONE, clock);
    }

    /** Records n notices pending for the worker's channel, as the consumer would, and queues them. */
    private List<Notice> offer(ChannelWorker worker, int n) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(LedgerEntry.pending(worker.name(), TestNotices.notice(i), "alerts-0", clock.instant()));
        }
        ledger.recordPending(entries);
        worker.offer(entries);
        return entries.stream().map(LedgerEntry::notice).toList();
    }
}
