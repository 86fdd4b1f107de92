package org.stancewatch.analyze.stream.attention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the attention detector remembers of one series: its daily mentions over the windows it
 * may still assess, the day it was first mentioned, and its last alert. The day totals it is
 * divided by are shared by all series and kept apart.
 *
 * @param latestDay       the latest day (epoch day) with a mention, or null when new
 * @param firstDay        the earliest day with a mention since the series was last forgotten
 * @param days            daily counts, oldest first, only days with mentions
 * @param lastAlertEndDay the day after the last alert's recent window, or null
 * @param rearmFromDay    the baseline starts no earlier than this day, or null
 */
public record SeriesAttention(Long latestDay, Long firstDay, List<DayCount> days, Long lastAlertEndDay,
                              Long rearmFromDay) {

    public static final SeriesAttention EMPTY = new SeriesAttention(null, null, List.of(), null, null);

    public SeriesAttention {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** This history with one day's count changed. */
    SeriesAttention withMention(long day, int sign, double weight) {
        List<DayCount> updated = new ArrayList<>(days.size() + 1);
        boolean found = false;
        for (DayCount count : days) {
            if (count.day() == day) {
                found = true;
                DayCount changed = count.plus(sign, weight);
                if (!changed.isEmpty()) {
                    updated.add(changed);
                }
            } else {
                updated.add(count);
            }
        }
        if (!found && sign > 0) {
            updated.add(new DayCount(day, 0, 0).plus(sign, weight));
            updated.sort(Comparator.comparingLong(DayCount::day));
        }
        long latest = latestDay == null ? day : Math.max(latestDay, day);
        long first = sign > 0 && (firstDay == null || day < firstDay) ? day : firstDay == null ? day : firstDay;
        return new SeriesAttention(latest, first, updated, lastAlertEndDay, rearmFromDay);
    }

    /** This history without days before {@code firstKept}. */
    SeriesAttention prunedBefore(long firstKept) {
        if (days.isEmpty() || days.get(0).day() >= firstKept) {
            return this;
        }
        return new SeriesAttention(latestDay, firstDay, days.stream().filter(d -> d.day() >= firstKept).toList(),
                lastAlertEndDay, rearmFromDay);
    }

    /** This history after an alert on the recent window {@code [recentFromDay, endDay)}. */
    SeriesAttention alerted(long endDay, long recentFromDay) {
        return new SeriesAttention(latestDay, firstDay, days, endDay, recentFromDay);
    }
}
