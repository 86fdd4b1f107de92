package org.stancewatch.notify.dispatch;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.notify.config.ConfiguredChannel;
import org.stancewatch.notify.ledger.Ledger;
import org.stancewatch.notify.ledger.LedgerEntry;

/** The channels' workers, a thread each: hands each pending entry to its channel's queue. */
public final class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<String, ChannelWorker> workers = new LinkedHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();

    public Dispatcher(List<ConfiguredChannel> channels, Ledger ledger, DeadLetterSink deadLetters,
            RetrySchedule schedule, FaultPoints faults, Clock clock) {
        for (ConfiguredChannel configured : channels) {
            ChannelWorker worker = new ChannelWorker(configured.spec(), configured.channel(), ledger, deadLetters,
                    schedule, faults, clock);
            workers.put(worker.name(), worker);
            Thread thread = new Thread(worker, "stancewatch-notify-" + worker.name());
            thread.setDaemon(true);
            threads.put(worker.name(), thread);
        }
    }

    public void start() {
        threads.values().forEach(Thread::start);
    }

    /** Queues pending entries with their channels' workers. */
    public void submit(Collection<LedgerEntry> entries) {
        Map<String, List<LedgerEntry>> byChannel = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            if (workers.containsKey(entry.channel())) {
                byChannel.computeIfAbsent(entry.channel(), c -> new java.util.ArrayList<>()).add(entry);
            } else {
                log.warn("{} is pending for channel {}, which alerts.yml no longer declares; it stays pending until "
                        + "the channel is back", entry.noticeId(), entry.channel());
            }
        }
        byChannel.forEach((channel, list) -> workers.get(channel).offer(list));
    }

    /** Forgets queued notices of these partitions (revoked in a rebalance). */
    public void release(Set<String> origins) {
        workers.values().forEach(w -> w.release(origins));
    }

    public Collection<ChannelWorker> workers() {
        return workers.values();
    }

    /** Stops every worker; a send in progress is waited for up to the timeout. */
    @Override
    public void close() {
        workers.values().forEach(ChannelWorker::stop);
        for (Thread thread : threads.values()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
