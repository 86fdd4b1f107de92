package org.stancewatch.analyze.stream.attention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.stancewatch.analyze.stream.aggregate.SeriesKey;
import org.stancewatch.analyze.stream.shift.ShiftMonitor;

/**
 * Keeps the total of all mentions of each day, keyed by day, so that however many partitions
 * and instances the job has, one task holds each day's whole total. Forwards each contribution
 * to its attention series (the actor, and each of its topics) with the day's total as it now
 * stands, and announces the total itself to every partition of the detector when it has moved
 * by a tenth ({@link DayTotal}), and every few seconds of wall-clock time when it has moved at all.
 *
 * <p>All that the detector hears of one day comes from this one task, in order, so the detector
 * always holds the latest total it was sent: a series' count is never divided by a total older
 * than the count.
 */
public final class DayTotalsProcessor implements Processor<String, AttentionContribution, String, AttentionSignal> {
    /** The store of day totals, keyed by epoch day. */
    public static final String STORE = "attention-day-totals";
    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(10);
    private static final long DAY_MS = 86_400_000L;

    private final long retentionDays;
    private ProcessorContext<String, AttentionSignal> context;
    private KeyValueStore<String, DayTotal> totals;

    /** @param retention how long after its day a day's total may still change */
    public DayTotalsProcessor(Duration retention) {
        this.retentionDays = retention.toDays() + 1;
    }

    @Override
    public void init(ProcessorContext<String, AttentionSignal> context) {
        this.context = context;
        this.totals = context.getStateStore(STORE);
        context.schedule(FLUSH_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> flushAndPurge());
    }

    @Override
    public void process(Record<String, AttentionContribution> record) {
        AttentionContribution contribution = record.value();
        if (contribution == null || record.key() == null) {
            return;
        }
        String dayKey = record.key();
        DayTotal current = totals.get(dayKey);
        DayTotal total = (current == null ? DayTotal.EMPTY : current)
                .plus(contribution.sign() * contribution.weight());
        AttentionSignal signal = new AttentionSignal(contribution.day(), total.total(), contribution.sign(),
                contribution.weight(), contribution.sample());
        for (SeriesKey series : seriesOf(contribution)) {
            context.forward(record.withKey(series.encode()).withValue(signal));
        }
        if (total.dueForAnnouncement()) {
            context.forward(record.withValue(AttentionSignal.total(contribution.day(), total.total())));
            total = total.announcedNow();
        }
        totals.put(dayKey, total);
    }

    /** The attention series a mention counts in: its actor's, and each of its topics'. */
    static List<SeriesKey> seriesOf(AttentionContribution contribution) {
        List<SeriesKey> series = new ArrayList<>();
        series.add(SeriesKey.actor(contribution.actor()));
        for (String topic : new LinkedHashSet<>(contribution.topics())) {
            series.add(SeriesKey.topic(topic));
        }
        return series;
    }

    /** Announces every total that moved since its last announcement; forgets days past the retention. */
    private void flushAndPurge() {
        long horizon = Math.floorDiv(context.currentStreamTimeMs(), DAY_MS) - retentionDays;
        List<KeyValue<String, DayTotal>> due = new ArrayList<>();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, DayTotal> all = totals.all()) {
            while (all.hasNext()) {
                KeyValue<String, DayTotal> entry = all.next();
                if (Long.parseLong(entry.key) < horizon) {
                    expired.add(entry.key);
                } else if (entry.value.unannounced()) {
                    due.add(entry);
                }
            }
        }
        for (KeyValue<String, DayTotal> entry : due) {
            long day = Long.parseLong(entry.key);
            context.forward(new Record<>(entry.key, AttentionSignal.total(day, entry.value.total()),
                    ShiftMonitor.dayStart(day).toEpochMilli()));
            totals.put(entry.key, entry.value.announcedNow());
        }
        expired.forEach(totals::delete);
    }
}
