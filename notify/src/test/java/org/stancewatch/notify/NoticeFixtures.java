package org.stancewatch.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.stancewatch.model.Alert;
import org.stancewatch.model.AlertKind;
import org.stancewatch.model.Direction;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.model.StanceBucket;

/** Alerts and source statuses for the channel and rendering tests. */
public final class NoticeFixtures {
    public static final Instant WINDOW_START = Instant.parse("2011-03-01T00:00:00Z");

    private NoticeFixtures() {}

    /** A tone alert: -0.42 against +0.05 over 30 days, 28 and 14 mentions, z = 4.1, two pieces of evidence. */
    public static Alert toneAlert(String actor, String topic, String outlet) {
        return toneAlert(actor, topic, outlet, StanceBucket.ALL, WINDOW_START);
    }

    public static Alert toneAlert(String actor, String topic, String outlet, String holder, Instant windowStart) {
        Instant windowEnd = windowStart.plus(Duration.ofDays(7));
        List<Evidence> evidence = List.of(
                new Evidence("m1", "Moscow condemned the missile shield as a threat.", "nytimes.com",
                        "https://www.nytimes.com/2011/03/02/world/europe/shield.html", windowStart.plus(Duration.ofDays(1)), -0.71),
                new Evidence("m2", "Russia warned it would respond.", "nytimes.com",
                        "https://www.nytimes.com/2011/03/04/world/europe/warning.html", windowStart.plus(Duration.ofDays(3)), -0.55));
        return new Alert(Alert.idFor(actor, topic, outlet, holder, windowStart), actor, topic, outlet, holder,
                windowStart.minus(Duration.ofDays(30)), windowStart, windowEnd, 0.05, 28, -0.42, 14, -0.47, 4.1,
                Direction.NEGATIVE, evidence, windowEnd.plus(Duration.ofHours(2)));
    }

    public static Alert toneAlertWithEvidence(Evidence... evidence) {
        Alert alert = toneAlert("russia", "missile-defense", "nytimes.com");
        return new Alert(alert.id(), alert.actor(), alert.topic(), alert.outlet(), alert.holder(),
                alert.baselineStart(), alert.windowStart(), alert.windowEnd(), alert.baselineMean(),
                alert.baselineCount(), alert.recentMean(), alert.recentCount(), alert.change(),
                alert.significance(), alert.direction(), List.of(evidence), alert.detectedAt());
    }

    /** An attention burst: the actor's share of all mentions rose from 2% to 9%. */
    public static Alert attentionAlert(String actor) {
        Instant windowEnd = WINDOW_START.plus(Duration.ofDays(7));
        return new Alert(Alert.idFor(AlertKind.ATTENTION, actor, StanceBucket.ALL, StanceBucket.ALL, StanceBucket.ALL,
                WINDOW_START), actor, StanceBucket.ALL, StanceBucket.ALL, StanceBucket.ALL,
                WINDOW_START.minus(Duration.ofDays(30)), WINDOW_START, windowEnd, 0.02, 28, 0.09, 14, 0.07, 5.3,
                Direction.POSITIVE, List.of(), windowEnd, AlertKind.ATTENTION);
    }

    public static SourceStatus sourceStatus(String source, SourceHealth health, String problem) {
        Instant since = Instant.parse("2011-03-05T06:00:00Z");
        return new SourceStatus(source, "bbc.co.uk", health, problem, since, since.plus(Duration.ofHours(6)), since,
                Instant.parse("2011-03-01T12:00:00Z"), 0.0, 0, 0, since.plus(Duration.ofHours(7)),
                since.plus(Duration.ofHours(6)));
    }
}
