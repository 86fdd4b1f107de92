package org.stancewatch.analyze.stream.attention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stancewatch.analyze.stream.aggregate.SeriesKey;
import org.stancewatch.model.Alert;

/**
 * One attention series followed without Kafka, the way the topology follows it: mentions of the
 * series and of everything else grow the day totals as {@link DayTotalsProcessor} keeps them
 * (announcing a tenth's growth at once, the rest at a flush), and the series' detector sees each
 * of its own mentions with the day's total as it stood and every announcement, as
 * {@link AttentionProcessor} does. The same {@link AttentionMonitor} decides.
 */
final class AttentionRun {
    static final SeriesKey SERIES = SeriesKey.actor("actor");

    private final AttentionMonitor monitor;
    private final Map<Long, DayTotal> dayTotals = new HashMap<>();
    private final Map<Long, KnownTotal> known = new HashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private SeriesAttention history = SeriesAttention.EMPTY;

    AttentionRun(AttentionSettings settings, Duration lateness) {
        this.monitor = new AttentionMonitor(settings, lateness);
    }

    /** Mentions of other series on {@code day}: they only grow its total. */
    void others(long day, double weight) {
        DayTotal total = dayTotals.getOrDefault(day, DayTotal.EMPTY).plus(weight);
        dayTotals.put(day, total);
        if (total.dueForAnnouncement()) {
            announce(day);
        }
    }

    /** A mention of the series counted in (sign +1) or taken out (−1) on {@code day}. */
    void mention(long day, int sign) {
        DayTotal total = dayTotals.getOrDefault(day, DayTotal.EMPTY).plus(sign);
        dayTotals.put(day, total);
        KnownTotal before = known.get(day);
        known.put(day, new KnownTotal(total.total(), before == null ? 0 : before.announced()));
        record(monitor.mention(SERIES, history, day, sign, 1, this::total, Instant.EPOCH,
                AttentionMonitor.Samples.NONE));
        if (total.dueForAnnouncement()) {
            announce(day);
        }
    }

    /** Announces every total that moved since its last announcement (the wall-clock flush). */
    void flush() {
        for (long day : List.copyOf(dayTotals.keySet())) {
            if (dayTotals.get(day).unannounced()) {
                announce(day);
            }
        }
    }

    private void announce(long day) {
        DayTotal total = dayTotals.get(day).announcedNow();
        dayTotals.put(day, total);
        KnownTotal before = known.get(day);
        double announced = before == null ? 0 : before.announced();
        known.put(day, new KnownTotal(total.total(), total.total()));
        if (total.total() != announced) {
            record(monitor.totalChanged(SERIES, history, day, total.total() > announced, this::total, Instant.EPOCH,
                    AttentionMonitor.Samples.NONE));
        }
    }

    private void record(AttentionMonitor.Outcome outcome) {
        history = outcome.history();
        outcome.alert().ifPresent(alerts::add);
    }

    private double total(long day) {
        KnownTotal total = known.get(day);
        return total == null ? 0 : total.latest();
    }

    List<Alert> alerts() {
        return alerts;
    }

    SeriesAttention history() {
        return history;
    }
}
