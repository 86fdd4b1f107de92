package org.stancewatch.analyze.stream.shift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the shift detector remembers of one series: its daily totals over the baseline and
 * recent windows, evidence candidates of the recent window, and its last alert.
 *
 * @param latestDay       the latest day (epoch day) with a contribution, or null when new
 * @param days            daily totals, oldest first, only days with mentions
 * @param evidence        evidence candidates of the recent window
 * @param lastAlertEndDay the day after the last alert's recent window, or null
 * @param rearmFromDay    the baseline starts no earlier than this day, or null
 */
public record SeriesHistory(Long latestDay, List<DayTotals> days, List<EvidenceCandidate> evidence,
                            Long lastAlertEndDay, Long rearmFromDay) {

    public static final SeriesHistory EMPTY = new SeriesHistory(null, List.of(), List.of(), null, null);

    public SeriesHistory {
        days = days == null ? List.of() : List.copyOf(days);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
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
        return new SeriesHistory(latest, updated, evidence, lastAlertEndDay, rearmFromDay);
    }

    /**
     * This history with a new candidate, keeping per day only the {@code perSide} most negative
     * and {@code perSide} most positive.
     */
    SeriesHistory withCandidate(EvidenceCandidate candidate, int perSide) {
        List<EvidenceCandidate> sameDay = new ArrayList<>();
        List<EvidenceCandidate> kept = new ArrayList<>();
        for (EvidenceCandidate existing : evidence) {
            if (existing.mentionId().equals(candidate.mentionId())) {
                continue;
            }
            (existing.day() == candidate.day() ? sameDay : kept).add(existing);
        }
        sameDay.add(candidate);
        sameDay.sort(Comparator.comparingDouble(EvidenceCandidate::score));
        if (sameDay.size() > 2 * perSide) {
            List<EvidenceCandidate> extremes = new ArrayList<>(sameDay.subList(0, perSide));
            extremes.addAll(sameDay.subList(sameDay.size() - perSide, sameDay.size()));
            sameDay = extremes;
        }
        kept.addAll(sameDay);
        return new SeriesHistory(latestDay, days, kept, lastAlertEndDay, rearmFromDay);
    }

    /** This history without the candidate of a mention that was taken out. */
    SeriesHistory withoutCandidate(String mentionId) {
        List<EvidenceCandidate> kept = evidence.stream().filter(c -> !c.mentionId().equals(mentionId)).toList();
        return kept.size() == evidence.size() ? this
                : new SeriesHistory(latestDay, days, kept, lastAlertEndDay, rearmFromDay);
    }

    /** This history without days before {@code firstDay} and evidence before {@code firstEvidenceDay}. */
    SeriesHistory prunedBefore(long firstDay, long firstEvidenceDay) {
        List<DayTotals> keptDays = days.stream().filter(d -> d.day() >= firstDay).toList();
        List<EvidenceCandidate> keptEvidence = evidence.stream().filter(c -> c.day() >= firstEvidenceDay).toList();
        return new SeriesHistory(latestDay, keptDays, keptEvidence, lastAlertEndDay, rearmFromDay);
    }

    /** This history after an alert on the recent window {@code [recentFromDay, endDay)}. */
    SeriesHistory alerted(long endDay, long recentFromDay) {
        return new SeriesHistory(latestDay, days, evidence, endDay, recentFromDay);
    }
}
