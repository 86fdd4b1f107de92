package org.stancewatch.ingest.source;

import java.util.List;
import java.util.Optional;

/**
 * A loaded {@code sources.yml}: where it came from, the crawler settings and the sources.
 *
 * @param origin   where the file was read from, for messages ({@code config/sources.yml}, {@code bundled sources.yml})
 * @param settings the {@code crawler:} section
 * @param sources  the sources, in file order, ids unique
 */
public record Sources(String origin, CrawlSettings settings, List<Source> sources) {
    public Sources {
        sources = List.copyOf(sources);
    }

    public Optional<Source> byId(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
