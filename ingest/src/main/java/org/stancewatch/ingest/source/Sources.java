package org.stancewatch.ingest.source;

import java.util.List;
import java.util.Optional;

/**
 * A loaded {@code sources.yml}: where it came from, the crawler settings and the sources.
 *
 * @param origin   where the file was read from, for messages ({@code config/sources.yml}, {@code bundled sources.yml})
 * @param settings the {@code crawler:} section
 * @param sources  the sources to crawl, in file order, ids unique
 * @param disabled the sources the file keeps but marks {@code disabled}, with their reasons
 */
public record Sources(String origin, CrawlSettings settings, List<Source> sources, List<DisabledSource> disabled) {
    public Sources {
        sources = List.copyOf(sources);
        disabled = List.copyOf(disabled);
    }

    /** Sources that are all crawled. */
    public Sources(String origin, CrawlSettings settings, List<Source> sources) {
        this(origin, settings, sources, List.of());
    }

    public Optional<Source> byId(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
