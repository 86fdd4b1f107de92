package org.stancewatch.index.trends;

import java.util.Locale;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.StanceBucket;

/** An alert as text for a terminal: a line about the shift, then its evidence sentences. */
public final class AlertText {
    private AlertText() {}

    public static String render(Alert alert) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s to %s  %s%s%s%s: %s %+.2f (mean %+.2f over %d mentions, was %+.2f over %d; significance %.1f)%n",
                alert.windowStart().toString().substring(0, 10), alert.windowEnd().toString().substring(0, 10),
                alert.actor(), part("topic", alert.topic()), part("outlet", alert.outlet()),
                part("holder", alert.holder()), alert.direction().json(), alert.change(), alert.recentMean(),
                alert.recentCount(), alert.baselineMean(), alert.baselineCount(), alert.significance()));
        for (Evidence evidence : alert.evidence()) {
            text.append(String.format(Locale.ROOT, "    %+.2f  %s%n           %s  %s%n", evidence.score(),
                    evidence.sentence(), evidence.outlet(), evidence.url()));
        }
        return text.toString();
    }

    private static String part(String name, String value) {
        return StanceBucket.ALL.equals(value) ? "" : ", " + name + " " + value;
    }
}
