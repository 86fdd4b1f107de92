package org.stancewatch.analyze.stream.shift;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.stancewatch.analyze.stream.aggregate.Contribution;
import org.stancewatch.analyze.stream.aggregate.SeriesKey;
import org.stancewatch.analyze.stream.monitor.JobCounters;
import org.stancewatch.model.Alert;

/**
 * The shift detector in the aggregation application: keyed by series, it keeps each series'
 * {@link SeriesHistory} in a state store and lets {@link ShiftMonitor} decide on alerts.
 *
 * <p>Two kinds of contribution are kept out. Mentions of articles dated only by their fetch
 * time: when the crawler first meets a site or backfills its archive, months of articles get
 * today's date, and a pile of old coverage landing in one recent window is exactly what a shift
 * looks like; weighting them down would make such false shifts smaller, not go away. They still
 * count in the stance buckets. (Late articles never get here: the mention changes leave them out.)
 */
public final class ShiftProcessor implements Processor<String, Contribution, String, Alert> {
    /** The store of series histories. */
    public static final String STORE = "series-history";
    /** The store of evidence candidates per series and day of the recent window. */
    public static final String EVIDENCE_STORE = "series-evidence";
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    private static final long DAY_MS = 86_400_000L;

    private final ShiftMonitor monitor;
    private final ShiftSettings settings;
    private final Duration grace;
    private final JobCounters counters;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, SeriesHistory> histories;
    private KeyValueStore<String, DayEvidence> evidence;

    public ShiftProcessor(ShiftSettings settings, Duration grace, JobCounters counters) {
        this.settings = settings;
        this.monitor = new ShiftMonitor(settings, grace);
        this.grace = grace;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.histories = context.getStateStore(STORE);
        this.evidence = context.getStateStore(EVIDENCE_STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> purge());
    }

    @Override
    public void process(Record<String, Contribution> record) {
        Contribution contribution = record.value();
        if (contribution == null || record.key() == null) {
            return;
        }
        if (contribution.mention().dateSource().isFetchTime()) {
            counters.recordFetchDatedSkip();
            return;
        }
        String series = record.key();
        SeriesHistory history = histories.get(series);
        Long previousLatest = history == null ? null : history.latestDay();
        long day = ShiftMonitor.epochDay(contribution.mention().publishedAt());
        long latest = previousLatest == null ? day : Math.max(previousLatest, day);
        keepEvidence(series, day, latest, contribution);
        ShiftMonitor.Outcome outcome = monitor.apply(SeriesKey.decode(series),
                history == null ? SeriesHistory.EMPTY : history, contribution,
                Instant.ofEpochMilli(context.currentSystemTimeMs()), (from, to) -> candidates(series, from, to));
        if (outcome.history() != history) {
            histories.put(series, outcome.history());
        }
        if (previousLatest != null && latest > previousLatest) {
            // days that left every recent window still assessed take their candidates with them
            long firstKept = firstEvidenceDay(latest);
            for (long old = firstEvidenceDay(previousLatest); old < firstKept; old++) {
                evidence.delete(evidenceKey(series, old));
            }
        }
        outcome.alert().ifPresent(alert -> {
            counters.alert();
            context.forward(new Record<>(alert.id(), alert, record.timestamp()));
        });
    }

    /** Adds an added mention to its day's candidates (if in a recent window still assessed); drops a subtracted one. */
    private void keepEvidence(String series, long day, long latest, Contribution contribution) {
        if (day < firstEvidenceDay(latest)) {
            return;
        }
        String key = evidenceKey(series, day);
        DayEvidence current = evidence.get(key);
        if (contribution.isAddition()) {
            evidence.put(key, (current == null ? DayEvidence.EMPTY : current)
                    .with(EvidenceCandidate.of(day, contribution.mention()), settings.evidence()));
        } else if (current != null) {
            DayEvidence changed = current.without(contribution.mention().id());
            if (changed != null) {
                evidence.put(key, changed);
            }
        }
    }

    /** The first day whose candidates an alert may still need: the recent windows the monitor may assess again. */
    private long firstEvidenceDay(long latest) {
        return latest - grace.toDays() - settings.recentDays() + 1;
    }

    private List<EvidenceCandidate> candidates(String series, long fromDay, long toDay) {
        List<EvidenceCandidate> all = new ArrayList<>();
        for (long day = fromDay; day <= toDay; day++) {
            DayEvidence candidates = evidence.get(evidenceKey(series, day));
            if (candidates != null) {
                all.addAll(candidates.candidates());
            }
        }
        return all;
    }

    private static String evidenceKey(String series, long day) {
        return series + '\u001e' + day;
    }

    /** Drops the histories of series silent for longer than both windows and the grace period. */
    private void purge() {
        long streamDay = Math.floorDiv(context.currentStreamTimeMs(), DAY_MS);
        long oldest = streamDay - settings.baselineDays() - settings.recentDays() - grace.toDays() - 1;
        List<String> dormant = new ArrayList<>();
        try (KeyValueIterator<String, SeriesHistory> all = histories.all()) {
            while (all.hasNext()) {
                KeyValue<String, SeriesHistory> entry = all.next();
                Long latest = entry.value.latestDay();
                if (latest != null && latest < oldest) {
                    dormant.add(entry.key);
                }
            }
        }
        for (String series : dormant) {
            long latest = histories.get(series).latestDay();
            for (long day = firstEvidenceDay(latest); day <= latest; day++) {
                evidence.delete(evidenceKey(series, day));
            }
            histories.delete(series);
        }
    }
}
