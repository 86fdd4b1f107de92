package org.stancewatch.notify.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.json.RecordFormatException;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;

/**
 * What was decided, sent and refused, per channel and notice, and the last health told per
 * source: the memory that makes delivery at-least-once and never twice across restarts. Held
 * in memory, rebuilt from the {@link LedgerLog} on {@link #load()}, and written through to it
 * before anything acts on a change. Thread-safe: the consumer records pending entries while
 * channel workers record what they sent.
 */
public final class Ledger {
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final LedgerLog store;
    private final Map<String, LedgerEntry> entries = new ConcurrentHashMap<>();
    private final Map<String, HealthMark> health = new ConcurrentHashMap<>();

    public Ledger(LedgerLog store) {
        this.store = store;
    }

    /**
     * Reads the whole log and merges it in. A state already held here that is later than the
     * log's (sent here while the log was read) is kept. Unreadable records are skipped with a
     * warning: a ledger record of a newer version means a newer notifier shares the ledger.
     */
    public void load() {
        int[] unreadable = {0};
        store.readAll((key, value) -> {
            if (value == null) {
                if (key.startsWith(HealthMark.KEY_PREFIX)) {
                    health.remove(key.substring(HealthMark.KEY_PREFIX.length()));
                } else {
                    entries.remove(key);
                }
                return;
            }
            try {
                if (key.startsWith(HealthMark.KEY_PREFIX)) {
                    HealthMark mark = HealthMark.CODEC.read(value);
                    health.put(mark.source(), mark);
                } else {
                    merge(LedgerEntry.CODEC.read(value));
                }
            } catch (RecordFormatException e) {
                unreadable[0]++;
                log.warn("ledger record {} skipped: {}", key, e.getMessage());
            }
        });
        log.info("ledger read: {} pending, {} settled, {} sources' health{}", pending().size(),
                entries.size() - pending().size(), health.size(),
                unreadable[0] > 0 ? ", " + unreadable[0] + " unreadable records skipped" : "");
    }

    private void merge(LedgerEntry entry) {
        entries.merge(entry.key(), entry, (held, read) -> held.state().isAfter(read.state()) ? held : read);
    }

    /** True when the notice was decided for the channel before: pending, sent or failed. */
    public boolean isKnown(String channel, String noticeId) {
        return entries.containsKey(LedgerEntry.keyOf(channel, noticeId));
    }

    public Optional<DeliveryState> state(String channel, String noticeId) {
        return Optional.ofNullable(entries.get(LedgerEntry.keyOf(channel, noticeId))).map(LedgerEntry::state);
    }

    /** Every pending entry, oldest first. */
    public List<LedgerEntry> pending() {
        return entries.values().stream().filter(e -> e.state() == DeliveryState.PENDING)
                .sorted(java.util.Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::key)).toList();
    }

    /** The pending entries read from these topic-partitions (as {@code topic-partition}), oldest first. */
    public List<LedgerEntry> pendingFrom(Set<String> origins) {
        return pending().stream().filter(e -> origins.contains(e.origin())).toList();
    }

    /** Writes new pending entries, and returns once they are durable. */
    public void recordPending(Collection<LedgerEntry> pending) {
        Map<String, byte[]> records = new LinkedHashMap<>();
        for (LedgerEntry entry : pending) {
            records.put(entry.key(), LedgerEntry.CODEC.write(entry));
        }
        if (!records.isEmpty()) {
            store.write(records);
            pending.forEach(this::merge);
        }
    }

    /** Records that the channel accepted the delivery (every notice in it). */
    public void recordSent(String channel, Delivery delivery, Instant at) {
        settle(channel, delivery, entry -> entry.sent(delivery.id(), at));
    }

    /** Records that the channel refused the delivery for good. */
    public void recordFailed(String channel, Delivery delivery, String reason, Instant at) {
        settle(channel, delivery, entry -> entry.failed(delivery.id(), at, reason));
    }

    private void settle(String channel, Delivery delivery, java.util.function.UnaryOperator<LedgerEntry> next) {
        Map<String, byte[]> records = new LinkedHashMap<>();
        List<LedgerEntry> settled = new ArrayList<>();
        for (Notice notice : delivery.notices()) {
            LedgerEntry held = entries.get(LedgerEntry.keyOf(channel, notice.id()));
            LedgerEntry entry = next.apply(held != null ? held : LedgerEntry.pending(channel, notice, "", Instant.EPOCH));
            settled.add(entry);
            records.put(entry.key(), LedgerEntry.CODEC.write(entry));
        }
        settled.forEach(e -> entries.put(e.key(), e)); // in memory first: this process never repeats it
        store.write(records);
    }

    /** The health last told for the source, if any. */
    public Optional<SourceHealth> lastHealth(String source) {
        return Optional.ofNullable(health.get(source)).map(HealthMark::health);
    }

    /** Writes the sources' new last-told health, and returns once it is durable. */
    public void recordHealth(Collection<HealthMark> marks) {
        Map<String, byte[]> records = new LinkedHashMap<>();
        for (HealthMark mark : marks) {
            records.put(mark.key(), HealthMark.CODEC.write(mark));
        }
        if (!records.isEmpty()) {
            store.write(records);
            marks.forEach(m -> health.put(m.source(), m));
        }
    }

    /** When the channel's messages since the given instant were sent: one per delivery, a digest once. */
    public List<Instant> sendsSince(String channel, Instant since) {
        Map<String, Instant> byDelivery = new HashMap<>();
        for (LedgerEntry entry : entries.values()) {
            if (entry.state() == DeliveryState.SENT && entry.channel().equals(channel) && entry.at().isAfter(since)) {
                byDelivery.merge(entry.deliveryId(), entry.at(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return byDelivery.values().stream().sorted().toList();
    }

    /** Counts of entries by state, for {@code stancewatch notify --status}. */
    public Map<String, Map<DeliveryState, Long>> countsByChannel() {
        Map<String, Map<DeliveryState, Long>> counts = new java.util.TreeMap<>();
        for (LedgerEntry entry : entries.values()) {
            counts.computeIfAbsent(entry.channel(), c -> new java.util.EnumMap<>(DeliveryState.class))
                    .merge(entry.state(), 1L, Long::sum);
        }
        return counts;
    }
}
