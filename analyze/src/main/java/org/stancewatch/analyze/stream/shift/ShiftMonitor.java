package org.stancewatch.analyze.stream.shift;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stancewatch.analyze.stream.aggregate.Contribution;
import org.stancewatch.analyze.stream.aggregate.SeriesKey;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Direction;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.Mention;

/**
 * Follows one series contribution by contribution and raises an alert when its tone shifts
 * sharply. A pure function of (history, contribution): the Streams processor keeps the history
 * in a state store, and the detection study drives the same code without Kafka.
 *
 * <p>After each contribution the recent window is the {@code recent} days ending with the
 * series' latest day, the baseline the {@code baseline} days before it. An alert is raised when
 * {@link ShiftDetector} finds a shift and the series is not cooling down. Then two things keep
 * one shift to one alert: for {@code cooldown} (event time) the series raises nothing, and its
 * baseline restarts at the alerted window, so the new tone becomes what later windows are
 * compared with rather than raising again as soon as the cool-down ends.
 *
 * <p>Contributions need not come in order of their days: while the job catches up on a backlog
 * its partitions drift apart in event time, so a series may see next month before this one is
 * complete. A contribution to a day before the latest therefore has every window it changed
 * assessed again (those ending on its day or later, up to {@code lateness} back), and the days
 * are kept that long, so the windows a series went through are each assessed complete, whatever
 * the order the contributions came in.
 */
public final class ShiftMonitor {
    private final ShiftDetector detector;
    private final ShiftSettings settings;
    private final long latenessDays;

    /**
     * @param lateness how far behind a series' latest day a contribution may come and still have
     *                 the windows it changed assessed again
     */
    public ShiftMonitor(ShiftSettings settings, Duration lateness) {
        this.settings = settings;
        this.detector = new ShiftDetector(settings);
        this.latenessDays = lateness.toDays();
    }

    /** The history after the contribution, and the alert it raised, if any. */
    public record Outcome(SeriesHistory history, Optional<Alert> alert, Assessment assessment) {}

    /** Where an alert finds its evidence candidates: those of the days {@code fromDay..toDay}. */
    @FunctionalInterface
    public interface EvidenceSource {
        List<EvidenceCandidate> between(long fromDay, long toDay);

        EvidenceSource NONE = (fromDay, toDay) -> List.of();
    }

    /** As {@link #apply(SeriesKey, SeriesHistory, Contribution, Instant, EvidenceSource)}, alerts without evidence. */
    public Outcome apply(SeriesKey series, SeriesHistory history, Contribution contribution, Instant now) {
        return apply(series, history, contribution, now, EvidenceSource.NONE);
    }

    public Outcome apply(SeriesKey series, SeriesHistory history, Contribution contribution, Instant now,
                         EvidenceSource evidence) {
        Mention mention = contribution.mention();
        long day = epochDay(mention.publishedAt());
        long latest = history.latestDay() == null ? day : Math.max(history.latestDay(), day);
        long firstKeptDay = latest - latenessDays - settings.baselineDays() - settings.recentDays() + 1;
        if (day < firstKeptDay) {
            return new Outcome(history, Optional.empty(), null); // older than any window it could matter to
        }
        SeriesHistory updated = history.withContribution(day, contribution.sign(), contribution.weight(), mention.score())
                .prunedBefore(firstKeptDay);

        Assessment assessment = null;
        for (long end = Math.max(day, latest - latenessDays); end <= latest; end++) {
            assessment = detector.assess(updated.days(), end, updated.rearmFromDay());
            boolean coolingDown = updated.lastAlertEndDay() != null
                    && end + 1 - updated.lastAlertEndDay() < settings.cooldownDays();
            if (!coolingDown && assessment.isShift(settings)) {
                Alert alert = alertOf(series, assessment, evidence.between(assessment.recentFromDay(), end), now);
                return new Outcome(updated.alerted(end + 1, assessment.recentFromDay()), Optional.of(alert),
                        assessment);
            }
        }
        return new Outcome(updated, Optional.empty(), assessment);
    }

    private Alert alertOf(SeriesKey series, Assessment a, List<EvidenceCandidate> candidates, Instant now) {
        Instant windowStart = dayStart(a.recentFromDay());
        return new Alert(Alert.idFor(series.actor(), series.topic(), series.outlet(), series.holder(), windowStart),
                series.actor(), series.topic(), series.outlet(), series.holder(),
                dayStart(a.baselineFromDay()), windowStart, dayStart(a.latestDay() + 1),
                a.baseline().mean(), a.baseline().count(), a.recent().mean(), a.recent().count(),
                a.change(), a.z(), a.direction(), evidence(candidates, a), now);
    }

    /**
     * The recent mentions that show the change best: the most negative for a negative shift (the
     * most positive for a positive one), from different articles where there are enough; only
     * mentions at least as far out as the recent mean, so no friendly sentence backs a hostile shift.
     */
    private List<Evidence> evidence(List<EvidenceCandidate> candidates, Assessment a) {
        Comparator<EvidenceCandidate> strongest = Comparator.comparingDouble(EvidenceCandidate::score);
        if (a.direction() == Direction.POSITIVE) {
            strongest = strongest.reversed();
        }
        List<EvidenceCandidate> ordered = candidates.stream()
                .filter(c -> c.day() >= a.recentFromDay() && c.day() <= a.latestDay())
                .filter(c -> a.direction() == Direction.NEGATIVE ? c.score() <= a.recent().mean()
                        : c.score() >= a.recent().mean())
                .sorted(strongest.thenComparing(EvidenceCandidate::mentionId))
                .toList();
        List<EvidenceCandidate> chosen = new ArrayList<>();
        Set<String> articles = new HashSet<>();
        for (EvidenceCandidate candidate : ordered) {
            if (chosen.size() < settings.evidence() && articles.add(candidate.articleId())) {
                chosen.add(candidate);
            }
        }
        for (EvidenceCandidate candidate : ordered) {
            if (chosen.size() < settings.evidence() && !chosen.contains(candidate)) {
                chosen.add(candidate);
            }
        }
        return chosen.stream().sorted(strongest.thenComparing(EvidenceCandidate::mentionId))
                .map(EvidenceCandidate::toEvidence).toList();
    }

    public static long epochDay(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 86_400L);
    }

    public static Instant dayStart(long epochDay) {
        return Instant.EPOCH.plus(epochDay, ChronoUnit.DAYS);
    }
}
