package org.stancewatch.model;

import static org.stancewatch.model.Require.nonBlank;
import static org.stancewatch.model.Require.nonNull;

import java.time.Instant;
import java.util.List;

/**
 * A sharp change in one series, the recent window against its baseline: of its tone
 * ({@link AlertKind#TONE}, means are mean stance scores) or of the attention it gets
 * ({@link AlertKind#ATTENTION}, means are the series' share of all mentions, direction
 * {@code POSITIVE} for a rise).
 *
 * @param id             {@link #idFor}: one alert per series and recent window
 * @param actor          target actor
 * @param topic          topic id or {@link StanceBucket#ALL}
 * @param outlet         outlet or {@link StanceBucket#ALL}
 * @param holder         holder or {@link StanceBucket#ALL}
 * @param baselineStart  start of the baseline window
 * @param windowStart    start of the recent window (= end of the baseline)
 * @param windowEnd      end of the recent window
 * @param baselineMean   mean score in the baseline
 * @param baselineCount  mentions in the baseline
 * @param recentMean     mean score in the recent window
 * @param recentCount    mentions in the recent window
 * @param change         recentMean - baselineMean
 * @param significance   the detector's figure (e.g. a z statistic); larger is stronger
 * @param direction      which way the tone moved
 * @param evidence       the mentions that best show the change
 * @param detectedAt     when the detector raised it
 * @param kind           what changed; absent (null) in alerts written before attention alerts
 *                       existed: read as {@link AlertKind#TONE}
 */
public record Alert(
        String id,
        String actor,
        String topic,
        String outlet,
        String holder,
        Instant baselineStart,
        Instant windowStart,
        Instant windowEnd,
        double baselineMean,
        long baselineCount,
        double recentMean,
        long recentCount,
        double change,
        double significance,
        Direction direction,
        List<Evidence> evidence,
        Instant detectedAt,
        AlertKind kind) {

    public Alert {
        nonBlank(id, "id");
        nonBlank(actor, "actor");
        nonBlank(topic, "topic");
        nonBlank(outlet, "outlet");
        nonBlank(holder, "holder");
        nonNull(baselineStart, "baselineStart");
        nonNull(windowStart, "windowStart");
        nonNull(windowEnd, "windowEnd");
        nonNull(direction, "direction");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        nonNull(detectedAt, "detectedAt");
        kind = kind == null ? AlertKind.TONE : kind;
    }

    /** A change of tone ({@link AlertKind#TONE}). */
    public Alert(String id, String actor, String topic, String outlet, String holder, Instant baselineStart,
                 Instant windowStart, Instant windowEnd, double baselineMean, long baselineCount, double recentMean,
                 long recentCount, double change, double significance, Direction direction, List<Evidence> evidence,
                 Instant detectedAt) {
        this(id, actor, topic, outlet, holder, baselineStart, windowStart, windowEnd, baselineMean, baselineCount,
                recentMean, recentCount, change, significance, direction, evidence, detectedAt, AlertKind.TONE);
    }

    /** The id of a tone alert. */
    public static String idFor(String actor, String topic, String outlet, String holder, Instant windowStart) {
        return Ids.of("alert", actor, topic, outlet, holder, windowStart);
    }

    /** The id of an alert of the given kind; a tone alert keeps the id it always had. */
    public static String idFor(AlertKind kind, String actor, String topic, String outlet, String holder,
                               Instant windowStart) {
        return kind == AlertKind.TONE ? idFor(actor, topic, outlet, holder, windowStart)
                : Ids.of("alert", kind.json(), actor, topic, outlet, holder, windowStart);
    }
}
