package org.stancewatch.analyze.stream.attention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.stancewatch.analyze.stream.aggregate.SeriesKey;
import org.stancewatch.analyze.stream.monitor.JobCounters;
import org.stancewatch.model.Alert;

/**
 * The attention detector in the aggregation application: keyed by series, it keeps each
 * series' {@link SeriesAttention}, the day totals it was sent and the example mentions of the
 * recent days, and lets {@link AttentionMonitor} decide on alerts.
 *
 * <p>A mention of a series re-assesses that series. An announced day total re-assesses every
 * series of the partition whose windows it changed (each partition receives every announcement;
 * there are only as many attention series as actors and topics). A total that came with a
 * mention of another series is taken in without re-assessing the others: it is never more than
 * the announcement step ahead of the next announcement, which does.
 */
public final class AttentionProcessor implements Processor<String, AttentionSignal, String, Alert> {
    public static final String STORE = "attention-series";
    public static final String TOTALS_STORE = "attention-totals";
    public static final String SAMPLES_STORE = "attention-samples";
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    private static final long DAY_MS = 86_400_000L;

    private final AttentionSettings settings;
    private final AttentionMonitor monitor;
    private final long latenessDays;
    private final JobCounters counters;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, SeriesAttention> histories;
    private KeyValueStore<String, KnownTotal> totals;
    /**
     * The totals store in memory, written through: each assessment reads a month of totals, far
     * too many store reads for every mention. Loaded when the task starts, so it is always the
     * store's content (a task that fails is started again and loads it again).
     */
    private final Map<Long, KnownTotal> knownTotals = new HashMap<>();
    private KeyValueStore<String, DaySamples> samples;
    /**
     * At least the latest day of every series of this task (read from the store when the task
     * starts, raised with each mention): lets a rising total of a day too recent to be in any
     * series' baseline skip the scan of all series, which is what today's growing total is.
     */
    private long latestDaySeen = Long.MIN_VALUE;

    public AttentionProcessor(AttentionSettings settings, Duration lateness, JobCounters counters) {
        this.settings = settings;
        this.monitor = new AttentionMonitor(settings, lateness);
        this.latenessDays = lateness.toDays();
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.histories = context.getStateStore(STORE);
        this.totals = context.getStateStore(TOTALS_STORE);
        this.samples = context.getStateStore(SAMPLES_STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> purge());
        try (KeyValueIterator<String, KnownTotal> all = totals.all()) {
            all.forEachRemaining(entry -> knownTotals.put(Long.parseLong(entry.key), entry.value));
        }
        try (KeyValueIterator<String, SeriesAttention> all = histories.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.latestDay() != null) {
                    latestDaySeen = Math.max(latestDaySeen, entry.value.latestDay());
                }
            });
        }
    }

    @Override
    public void process(Record<String, AttentionSignal> record) {
        AttentionSignal signal = record.value();
        if (signal == null || record.key() == null) {
            return;
        }
        KnownTotal known = knownTotals.get(signal.day());
        if (signal.isTotal()) {
            double before = known == null ? 0 : known.announced();
            putTotal(signal.day(), new KnownTotal(signal.dayTotal(), signal.dayTotal()));
            boolean rose = signal.dayTotal() > before;
            boolean inNoBaseline = rose && signal.day() + settings.recentDays() > latestDaySeen;
            if (signal.dayTotal() != before && !inNoBaseline) {
                reassessAll(signal.day(), rose, record.timestamp());
            }
            return;
        }
        putTotal(signal.day(), new KnownTotal(signal.dayTotal(), known == null ? 0 : known.announced()));
        String series = record.key();
        SeriesAttention history = histories.get(series);
        Long previousLatest = history == null ? null : history.latestDay();
        keepSample(series, history, signal);
        AttentionMonitor.Outcome outcome = monitor.mention(SeriesKey.decode(series),
                history == null ? SeriesAttention.EMPTY : history, signal.day(), signal.sign(), signal.weight(),
                this::total, now(), (from, to) -> samplesBetween(series, from, to));
        store(series, history, outcome, record.timestamp());
        latestDaySeen = Math.max(latestDaySeen, signal.day());
        if (previousLatest != null && outcome.history().latestDay() != null
                && outcome.history().latestDay() > previousLatest) {
            // days that left every recent window still assessed take their samples with them
            for (long old = firstSampleDay(previousLatest); old < firstSampleDay(outcome.history().latestDay()); old++) {
                samples.delete(samplesKey(series, old));
            }
        }
    }

    private void reassessAll(long day, boolean rose, long timestamp) {
        List<KeyValue<String, SeriesAttention>> all = new ArrayList<>();
        try (KeyValueIterator<String, SeriesAttention> iterator = histories.all()) {
            iterator.forEachRemaining(all::add);
        }
        for (KeyValue<String, SeriesAttention> entry : all) {
            String series = entry.key;
            AttentionMonitor.Outcome outcome = monitor.totalChanged(SeriesKey.decode(series), entry.value, day, rose,
                    this::total, now(), (from, to) -> samplesBetween(series, from, to));
            store(series, entry.value, outcome, timestamp);
        }
    }

    private void store(String series, SeriesAttention before, AttentionMonitor.Outcome outcome, long timestamp) {
        if (outcome.history() != before) {
            histories.put(series, outcome.history());
        }
        outcome.alert().ifPresent(alert -> {
            counters.alert();
            context.forward(new Record<>(alert.id(), alert, timestamp));
        });
    }

    private double total(long day) {
        KnownTotal known = knownTotals.get(day);
        return known == null ? 0 : known.latest();
    }

    private void putTotal(long day, KnownTotal total) {
        knownTotals.put(day, total);
        totals.put(Long.toString(day), total);
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    /** Keeps an added mention among its day's samples (if in a recent window still assessed); drops a removed one. */
    private void keepSample(String series, SeriesAttention history, AttentionSignal signal) {
        long latest = history == null || history.latestDay() == null ? signal.day()
                : Math.max(history.latestDay(), signal.day());
        if (signal.sample() == null || signal.day() < firstSampleDay(latest)) {
            return;
        }
        String key = samplesKey(series, signal.day());
        DaySamples current = samples.get(key);
        if (signal.sign() > 0) {
            DaySamples base = current == null ? DaySamples.EMPTY : current;
            DaySamples changed = base.with(signal.sample(), 2 * settings.evidence());
            if (changed != base) {
                samples.put(key, changed);
            }
        } else if (current != null) {
            DaySamples changed = current.without(signal.sample().mentionId());
            if (changed != null) {
                samples.put(key, changed);
            }
        }
    }

    /** The first day whose samples an alert may still need: the recent windows the monitor may assess again. */
    private long firstSampleDay(long latest) {
        return latest - latenessDays - settings.recentDays() + 1;
    }

    private List<MentionSample> samplesBetween(String series, long fromDay, long toDay) {
        List<MentionSample> all = new ArrayList<>();
        for (long day = fromDay; day <= toDay; day++) {
            DaySamples kept = samples.get(samplesKey(series, day));
            if (kept != null) {
                all.addAll(kept.samples());
            }
        }
        return all;
    }

    private static String samplesKey(String series, long day) {
        return series + '\u001e' + day;
    }

    /** Forgets series silent for longer than both windows and the lateness, and totals no window needs. */
    private void purge() {
        long streamDay = Math.floorDiv(context.currentStreamTimeMs(), DAY_MS);
        long oldest = streamDay - settings.baselineDays() - settings.recentDays() - latenessDays - 1;
        List<KeyValue<String, SeriesAttention>> dormant = new ArrayList<>();
        try (KeyValueIterator<String, SeriesAttention> all = histories.all()) {
            while (all.hasNext()) {
                KeyValue<String, SeriesAttention> entry = all.next();
                if (entry.value.latestDay() != null && entry.value.latestDay() < oldest) {
                    dormant.add(entry);
                }
            }
        }
        for (KeyValue<String, SeriesAttention> entry : dormant) {
            long latest = entry.value.latestDay();
            for (long day = firstSampleDay(latest); day <= latest; day++) {
                samples.delete(samplesKey(entry.key, day));
            }
            histories.delete(entry.key);
        }
        List<Long> oldTotals = knownTotals.keySet().stream().filter(day -> day < oldest).toList();
        for (long day : oldTotals) {
            knownTotals.remove(day);
            totals.delete(Long.toString(day));
        }
    }
}
