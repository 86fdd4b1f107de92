package org.stancewatch.ingest.state;

import java.time.Instant;
import java.util.Map;

/**
 * A source's last run: when it started and ended and what it counted. The scheduler plans the
 * next run from {@code lastEnd}, across restarts.
 */
public record SourceRunState(String source, Instant lastStart, Instant lastEnd, Map<String, Long> counts) {
    public SourceRunState {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }
}
