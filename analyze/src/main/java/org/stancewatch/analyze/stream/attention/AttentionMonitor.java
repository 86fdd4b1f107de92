package org.stancewatch.analyze.stream.attention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stancewatch.analyze.stream.aggregate.SeriesKey;
import org.stancewatch.analyze.stream.shift.ShiftMonitor;
import org.stancewatch.model.Alert;
import org.stancewatch.model.AlertKind;
import org.stancewatch.model.Direction;
import org.stancewatch.model.Evidence;

/**
 * Follows one attention series and raises an alert when its share of all mentions rises
 * sharply. A pure function of (history, change, day totals): the Streams processor keeps the
 * history and the totals in state stores, and the detection study drives the same code without
 * Kafka.
 *
 * <p>The recent window ends with the series' latest day. Its share changes in two ways, and
 * both have the windows they changed assessed again, as {@link ShiftMonitor} does for late
 * contributions (back as far as {@code lateness}, the grace plus the reorder allowance):
 * <ul>
 *   <li>a mention of the series is counted in or taken out: the windows ending on its day or later;
 *   <li>a day's total changes: the windows whose baseline or recent window holds that day. A total
 *       that rose only lowers the share of the days it belongs to, so a window holding that day
 *       in its recent part cannot have become a burst: those are skipped, which spares the
 *       constant growth of today's total from re-assessing every series.
 * </ul>
 * Only rises alert. One burst raises one alert: for {@code cooldown} (event time) the series
 * raises nothing, and its baseline restarts at the alerted window, so a burst that goes on is
 * the level later windows are compared with.
 */
public final class AttentionMonitor {
    private final AttentionSettings settings;
    private final AttentionDetector detector;
    private final long latenessDays;

    /**
     * @param lateness how far behind a series' latest day a change may come and still have the
     *                 windows it changed assessed again
     */
    public AttentionMonitor(AttentionSettings settings, Duration lateness) {
        this.settings = settings;
        this.detector = new AttentionDetector(settings);
        this.latenessDays = lateness.toDays();
    }

    /** The history after a change, and the alert it raised, if any. */
    public record Outcome(SeriesAttention history, Optional<Alert> alert) {}

    /** Where an alert finds its example mentions: those kept of the days {@code fromDay..toDay}. */
    @FunctionalInterface
    public interface Samples {
        List<MentionSample> between(long fromDay, long toDay);

        Samples NONE = (fromDay, toDay) -> List.of();
    }

    /** The first day a series with this latest day still keeps: older days fall in no window assessed again. */
    public long firstKeptDay(long latestDay) {
        return latestDay - latenessDays - settings.baselineDays() - settings.recentDays() + 1;
    }

    /** A mention of the series counted in (sign +1) or taken out (sign −1) on {@code day}. */
    public Outcome mention(SeriesKey series, SeriesAttention history, long day, int sign, double weight,
                           AttentionDetector.Totals totals, Instant now, Samples samples) {
        long latest = history.latestDay() == null ? day : Math.max(history.latestDay(), day);
        long firstKept = firstKeptDay(latest);
        if (day < firstKept) {
            return new Outcome(history, Optional.empty());
        }
        SeriesAttention updated = history.withMention(day, sign, weight).prunedBefore(firstKept);
        if (updated.latestDay() == null) {
            return new Outcome(updated, Optional.empty());
        }
        return assess(series, updated, Math.max(day, latest - latenessDays), latest, totals, now, samples);
    }

    /** The total of {@code day} changed; {@code rose}: it grew. */
    public Outcome totalChanged(SeriesKey series, SeriesAttention history, long day, boolean rose,
                                AttentionDetector.Totals totals, Instant now, Samples samples) {
        Long latest = history.latestDay();
        if (latest == null) {
            return new Outcome(history, Optional.empty());
        }
        long from = Math.max(rose ? day + settings.recentDays() : day, latest - latenessDays);
        long to = Math.min(latest, day + settings.recentDays() + settings.baselineDays() - 1);
        return assess(series, history, from, to, totals, now, samples);
    }

    private Outcome assess(SeriesKey series, SeriesAttention history, long fromEnd, long toEnd,
                           AttentionDetector.Totals totals, Instant now, Samples samples) {
        for (long end = fromEnd; end <= toEnd; end++) {
            boolean coolingDown = history.lastAlertEndDay() != null
                    && end + 1 - history.lastAlertEndDay() < settings.cooldownDays();
            if (coolingDown) {
                continue;
            }
            AttentionAssessment assessment = detector.assess(history, totals, end);
            if (assessment.isBurst(settings)) {
                Alert alert = alertOf(series, assessment, samples.between(assessment.recentFromDay(), end), now);
                return new Outcome(history.alerted(end + 1, assessment.recentFromDay()), Optional.of(alert));
            }
        }
        return new Outcome(history, Optional.empty());
    }

    private Alert alertOf(SeriesKey series, AttentionAssessment a, List<MentionSample> samples, Instant now) {
        Instant windowStart = ShiftMonitor.dayStart(a.recentFromDay());
        return new Alert(
                Alert.idFor(AlertKind.ATTENTION, series.actor(), series.topic(), series.outlet(), series.holder(),
                        windowStart),
                series.actor(), series.topic(), series.outlet(), series.holder(),
                ShiftMonitor.dayStart(a.baselineFromDay()), windowStart, ShiftMonitor.dayStart(a.latestDay() + 1),
                a.baselineShare(), a.baselineMentions(), a.recentShare(), a.recentMentions(), a.rise(), a.z(),
                Direction.POSITIVE, evidence(samples, a), now, AlertKind.ATTENTION);
    }

    /**
     * The clearest mentions of the recent window (highest confidence), from as many outlets and
     * then articles as there are: an alert about coverage should show its breadth.
     */
    private List<Evidence> evidence(List<MentionSample> samples, AttentionAssessment a) {
        List<MentionSample> ordered = samples.stream()
                .filter(s -> !s.sentence().isEmpty())
                .filter(s -> {
                    long day = ShiftMonitor.epochDay(s.publishedAt());
                    return day >= a.recentFromDay() && day <= a.latestDay();
                })
                .sorted(DaySamples.CLEAREST_FIRST)
                .toList();
        List<MentionSample> chosen = new ArrayList<>();
        Set<String> outlets = new HashSet<>();
        Set<String> articles = new HashSet<>();
        for (MentionSample sample : ordered) {
            if (chosen.size() < settings.evidence() && outlets.add(sample.outlet())) {
                articles.add(sample.articleId());
                chosen.add(sample);
            }
        }
        for (MentionSample sample : ordered) {
            if (chosen.size() < settings.evidence() && !chosen.contains(sample) && articles.add(sample.articleId())) {
                chosen.add(sample);
            }
        }
        for (MentionSample sample : ordered) {
            if (chosen.size() < settings.evidence() && !chosen.contains(sample)) {
                chosen.add(sample);
            }
        }
        return chosen.stream().sorted(DaySamples.CLEAREST_FIRST).map(MentionSample::toEvidence).toList();
    }
}
