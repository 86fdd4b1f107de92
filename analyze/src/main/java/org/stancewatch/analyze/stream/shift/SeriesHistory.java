package org.stancewatch.analyze.stream.shift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the shift detector remembers of one series: its daily totals over the baseline and
 * recent windows, and its last alert. Small on purpose, since it is read and written for every
 * contribution; the evidence candidates live in a store of their own ({@link DayEvidence}).
 *
 * @param latestDay       the latest day (epoch day) with a contribution, or null when new
 * @param days            daily totals, oldest first, only days with mentions
 * @param lastAlertEndDay the day after the last alert's recent window, or null
 * @param rearmFromDay    the baseline starts no earlier than this day, or null
 */
public record SeriesHistory(Long latestDay, List<DayTotals> days, Long lastAlertEndDay, Long rearmFromDay) {

    public static final SeriesHistory EMPTY = new SeriesHistory(null, List.of(), null, null);

    public SeriesHistory {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** This history with one day's totals changed. */
    SeriesHistory withContribution(long day, int sign, double weight, double score) {
        List<DayTotals> updated = new ArrayList<>(days.size() + 1);
        boolean found = false;
        for (DayTotals totals : days) {
            if (totals.day() == day) {
                found = true;
                DayTotals changed = totals.plus(sign, weight, score);
                if (!changed.isEmpty()) {
                    updated.add(changed);
                }
            } else {
                updated.add(totals);
            }
        }
        if (!found && sign > 0) {
            updated.add(DayTotals.empty(day).plus(sign, weight, score));
            updated.sort(Comparator.comparingLong(DayTotals::day));
        }
        long latest = latestDay == null ? day : Math.max(latestDay, day);
        return new SeriesHistory(latest, updated, lastAlertEndDay, rearmFromDay);
    }

    /** This history without days before {@code firstDay}. */
    SeriesHistory prunedBefore(long firstDay) {
        if (days.isEmpty() || days.get(0).day() >= firstDay) {
            return this;
        }
        return new SeriesHistory(latestDay, days.stream().filter(d -> d.day() >= firstDay).toList(), lastAlertEndDay,
                rearmFromDay);
    }

    /** This history after an alert on the recent window {@code [recentFromDay, endDay)}. */
    SeriesHistory alerted(long endDay, long recentFromDay) {
        return new SeriesHistory(latestDay, days, endDay, recentFromDay);
    }
}
