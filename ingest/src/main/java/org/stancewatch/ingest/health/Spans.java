package org.stancewatch.ingest.health;

import java.time.Duration;

/** A span of time as people say it: "45 s", "20 min", "6 h", "3 days". */
public final class Spans {
    private Spans() {}

    public static String of(Duration span) {
        long seconds = Math.abs(span.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 2 * 86_400) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " days";
    }
}
