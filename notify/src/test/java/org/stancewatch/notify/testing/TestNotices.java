package org.stancewatch.notify.testing;

import java.time.Instant;
import java.util.List;
import org.stancewatch.model.Alert;
import org.stancewatch.model.AlertKind;
import org.stancewatch.model.Direction;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.notify.notice.Notice;

/** Alerts, source statuses and notices for the tests. */
public final class TestNotices {
    public static final Instant DAY = Instant.parse("2011-11-23T08:00:00Z");

    private TestNotices() {}

    /**
     * A tone alert toward the actor on the topic, in the window starting {@code hours} after {@link #DAY};
     * {@code significance} is its size, signed by the direction.
     */
    public static Alert alert(String actor, String topic, Direction direction, double significance, long recentCount,
            int hours) {
        return alert(AlertKind.TONE, actor, topic, "example.com", direction, significance, recentCount, hours);
    }

    public static Alert alert(AlertKind kind, String actor, String topic, String outlet, Direction direction,
            double significance, long recentCount, int hours) {
        Instant window = DAY.plusSeconds(hours * 3600L);
        return new Alert(Alert.idFor(kind, actor, topic, outlet, StanceBucket.ALL, window), actor, topic, outlet,
                StanceBucket.ALL, window.minusSeconds(7 * 86400), window, window.plusSeconds(86400), 0.1, 40,
                direction == Direction.NEGATIVE ? -0.5 : 0.6, recentCount, direction == Direction.NEGATIVE ? -0.6 : 0.5,
                direction == Direction.NEGATIVE ? -significance : significance, // signed, as the detector's z
                direction, List.of(), window.plusSeconds(86400), kind);
    }

    /** The nth distinct alert, for tests that need many. */
    public static Alert alert(int n) {
        return alert("russia", "missile-defense", Direction.NEGATIVE, 4.0, 12, n);
    }

    public static Notice notice(int n) {
        return Notice.of(alert(n));
    }

    public static SourceStatus status(String source, SourceHealth health, Instant since) {
        return new SourceStatus(source, source + ".example", health, health == SourceHealth.OK ? "" : "it broke", since,
                since, since, since, 3.0, health == SourceHealth.OK ? 0 : 7, 0, since.plusSeconds(1800), since);
    }
}
