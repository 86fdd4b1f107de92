package org.stancewatch.ingest.state;

import java.time.Instant;
import java.util.Map;
import org.stancewatch.ingest.health.SourceHistory;

/**
 * A source's last run: when it started and ended and what it counted, and what the health rules
 * remember of its visits. The scheduler plans the next run from {@code lastEnd}, across restarts.
 *
 * @param history null in records written before health was tracked: the next visit starts one
 */
public record SourceRunState(String source, Instant lastStart, Instant lastEnd, Map<String, Long> counts,
                             SourceHistory history) {
    public SourceRunState {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }

    /** A run without health history. */
    public SourceRunState(String source, Instant lastStart, Instant lastEnd, Map<String, Long> counts) {
        this(source, lastStart, lastEnd, counts, null);
    }
}
