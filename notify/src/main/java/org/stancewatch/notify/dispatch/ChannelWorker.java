package org.stancewatch.notify.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.model.json.Json;
import org.stancewatch.notify.channel.Channel;
import org.stancewatch.notify.channel.DeliveryException;
import org.stancewatch.notify.config.ChannelSpec;
import org.stancewatch.notify.ledger.Ledger;
import org.stancewatch.notify.ledger.LedgerEntry;
import org.stancewatch.notify.ledger.LedgerException;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;

/**
 * One channel's queue and the thread that empties it, so a slow or failing channel holds up no
 * other. Sends the oldest pending notice; retries failures on the {@link RetrySchedule}; keeps to
 * the channel's hourly budget, sending what waited beyond it as one digest; records each result
 * in the ledger.
 */
public final class ChannelWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ChannelWorker.class);
    /** The most notices one digest carries; more waiting go in the next. */
    static final int MAX_DIGEST = 100;

    private final ChannelSpec spec;
    private final Channel channel;
    private final Ledger ledger;
    private final DeadLetterSink deadLetters;
    private final RetrySchedule schedule;
    private final FaultPoints faults;
    private final Clock clock;
    private final DigestBudget budget;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, LedgerEntry> queue = new LinkedHashMap<>(); // by notice id, oldest first
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile ChannelHealth health;
    private volatile boolean stopping;
    private volatile Throwable crash;
    private Instant retryAt = Instant.MIN;
    /** Notices waited while the hour's budget was spent: they go out together, as one digest. */
    private boolean holding;

    public ChannelWorker(ChannelSpec spec, Channel channel, Ledger ledger, DeadLetterSink deadLetters,
            RetrySchedule schedule, FaultPoints faults, Clock clock) {
        this.spec = spec;
        this.channel = channel;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.schedule = schedule;
        this.faults = faults;
        this.clock = clock;
        this.health = ChannelHealth.ok(spec.name());
        // messages sent in the last hour before a restart still count against the budget
        this.budget = new DigestBudget(spec.maxPerHour(),
                spec.hasDigest() ? ledger.sendsSince(spec.name(), clock.instant().minus(DigestBudget.WINDOW)) : List.of());
    }

    public String name() {
        return spec.name();
    }

    /** Queues pending entries of this channel (those already queued are ignored). */
    public void offer(Collection<LedgerEntry> entries) {
        lock.lock();
        try {
            for (LedgerEntry entry : entries) {
                queue.putIfAbsent(entry.noticeId(), entry);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops queued notices read from these partitions: another notifier owns them now. */
    public void release(Set<String> origins) {
        lock.lock();
        try {
            queue.values().removeIf(entry -> origins.contains(entry.origin()));
        } finally {
            lock.unlock();
        }
    }

    public int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Notices the channel accepted. */
    public long delivered() {
        return delivered.get();
    }

    /** Messages sent (a digest is one). */
    public long messages() {
        return messages.get();
    }

    /** Notices the channel refused for good. */
    public long failed() {
        return failed.get();
    }

    public ChannelHealth health() {
        return health;
    }

    /** What stopped the worker's thread, if something did. */
    public Throwable crash() {
        return crash;
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                Instant next = step();
                awaitWork(next);
            }
        } catch (RuntimeException | Error e) {
            crash = e;
            log.error("the worker of channel {} stopped: {}; its pending notices are delivered after a restart",
                    spec.name(), e.toString());
        }
    }

    public void stop() {
        stopping = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes one attempt if one is due.
     *
     * @return when to try again: now for more work at once, a later instant for a retry or the
     *         budget, null when the queue is empty
     */
    Instant step() {
        Instant now = clock.instant();
        Delivery delivery;
        lock.lock();
        try {
            if (queue.isEmpty()) {
                return null;
            }
            if (now.isBefore(retryAt)) {
                return retryAt;
            }
            Instant allowed = budget.nextAllowed(now);
            if (allowed.isAfter(now)) {
                holding = true;
                return allowed;
            }
            delivery = next();
        } finally {
            lock.unlock();
        }
        attempt(delivery, now);
        lock.lock();
        try {
            return retryAt.isAfter(now) ? retryAt : clock.instant();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest notice alone, or, after the budget held notices back, all that wait as one digest. */
    private Delivery next() {
        List<Notice> waiting = new ArrayList<>();
        for (LedgerEntry entry : queue.values()) {
            waiting.add(entry.notice());
            if (waiting.size() == MAX_DIGEST) {
                break;
            }
        }
        return holding ? Delivery.digest(waiting) : Delivery.single(waiting.get(0));
    }

    private void attempt(Delivery delivery, Instant now) {
        try {
            channel.send(delivery);
        } catch (DeliveryException e) {
            if (e.retryable()) {
                retryLater(delivery, e.getMessage(), e.retryAfter().orElse(null), now);
            } else {
                refused(delivery, e, now);
            }
            return;
        } catch (RuntimeException e) {
            // a channel's own bug: treated as passing, so its notices wait rather than vanish
            retryLater(delivery, e.toString(), null, now);
            return;
        }
        faults.afterSend(spec.name(), delivery);
        budget.spent(now);
        try {
            ledger.recordSent(spec.name(), delivery, now);
        } catch (LedgerException e) {
            log.warn("channel {} accepted {} but the ledger could not record it ({}); it may be sent again "
                    + "after a restart, with the same id", spec.name(), delivery.id(), e.getMessage());
        }
        done(delivery);
        holding = false;
        delivered.addAndGet(delivery.notices().size());
        messages.incrementAndGet();
        if (health.failing()) {
            log.info("channel {} works again after {} failed attempts", spec.name(), health.failures());
        }
        health = ChannelHealth.ok(spec.name());
        retryAt = Instant.MIN;
    }

    private void retryLater(Delivery delivery, String error, Duration hint, Instant now) {
        ChannelHealth before = health;
        health = before.failed(error, now, schedule);
        Duration delay = schedule.delay(health.failures(), java.util.Optional.ofNullable(hint));
        lock.lock();
        try {
            retryAt = now.plus(delay);
        } finally {
            lock.unlock();
        }
        if (health.failing() && !before.failing()) {
            log.warn("channel {} is failing: {} attempts since {} (last: {}); its {} notices stay pending and are "
                    + "retried, other channels go on", spec.name(), health.failures(), health.since(), error, pending());
        } else {
            log.info("channel {} could not deliver {} ({}); retry in {} ms", spec.name(), delivery.id(), error,
                    delay.toMillis());
        }
    }

    private void refused(Delivery delivery, DeliveryException e, Instant now) {
        log.warn("channel {} refused {} for good: {}; recorded as failed and dead-lettered", spec.name(),
                delivery.id(), e.getMessage());
        try {
            ledger.recordFailed(spec.name(), delivery, e.getMessage(), now);
        } catch (LedgerException ledgerDown) {
            log.warn("the ledger could not record the refusal ({})", ledgerDown.getMessage());
        }
        for (Notice notice : delivery.notices()) {
            try {
                deadLetters.publish(spec.name() + "|" + notice.id(), spec.name() + "|" + notice.id(), json(notice),
                        "delivery-refused", "channel " + spec.name() + " refused it: " + e.getMessage());
            } catch (RuntimeException dlqDown) {
                log.warn("dead letter for {} not written ({})", notice.id(), dlqDown.getMessage());
            }
        }
        done(delivery);
        failed.addAndGet(delivery.notices().size());
    }

    private void done(Delivery delivery) {
        lock.lock();
        try {
            delivery.notices().forEach(n -> queue.remove(n.id()));
        } finally {
            lock.unlock();
        }
    }

    private void awaitWork(Instant next) {
        lock.lock();
        try {
            if (stopping) {
                return;
            }
            if (next == null) {
                if (queue.isEmpty()) {
                    changed.await();
                }
            } else {
                long wait = Duration.between(clock.instant(), next).toNanos();
                if (wait > 0) {
                    changed.awaitNanos(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private static String json(Notice notice) {
        try {
            return Json.mapper().writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            return notice.id();
        }
    }
}
