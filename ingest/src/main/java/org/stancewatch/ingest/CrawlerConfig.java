package org.stancewatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Objects;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.publish.MemoryOutput;
import org.stancewatch.ingest.source.Sources;

/**
 * Everything a {@link Crawler} needs. Build it with {@link #kafka} (the normal case) or {@link
 * #inMemory} (tests and dry runs), then adjust with the {@code with...} methods.
 *
 * @param sources  the sources and crawler settings
 * @param kafka    where to publish and keep state, or null for {@code memory}
 * @param memory   the in-memory output, when {@code kafka} is null
 * @param resolver host name resolution (the system's, or a test's own names)
 * @param metrics  where the counters go
 * @param clock    the crawler's clock
 */
public record CrawlerConfig(
        Sources sources,
        KafkaSettings kafka,
        MemoryOutput memory,
        HostResolver resolver,
        MeterRegistry metrics,
        Clock clock) {

    public CrawlerConfig {
        Objects.requireNonNull(sources, "sources");
        if ((kafka == null) == (memory == null)) {
            throw new IllegalArgumentException("give either Kafka settings or an in-memory output");
        }
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
    }

    /** Publishes to Kafka and keeps state in the crawl-state topic. */
    public static CrawlerConfig kafka(Sources sources, KafkaSettings kafka) {
        return new CrawlerConfig(sources, kafka, null, HostResolver.system(), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /** Keeps everything in memory: nothing survives the process. */
    public static CrawlerConfig inMemory(Sources sources, MemoryOutput memory) {
        return new CrawlerConfig(sources, null, memory, HostResolver.system(), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    public CrawlerConfig withResolver(HostResolver resolver) {
        return new CrawlerConfig(sources, kafka, memory, resolver, metrics, clock);
    }

    public CrawlerConfig withMetrics(MeterRegistry metrics) {
        return new CrawlerConfig(sources, kafka, memory, resolver, metrics, clock);
    }

    public CrawlerConfig withClock(Clock clock) {
        return new CrawlerConfig(sources, kafka, memory, resolver, metrics, clock);
    }

    public CrawlerConfig withSources(Sources sources) {
        return new CrawlerConfig(sources, kafka, memory, resolver, metrics, clock);
    }
}
