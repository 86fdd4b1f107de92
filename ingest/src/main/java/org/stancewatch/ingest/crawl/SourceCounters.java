package org.stancewatch.ingest.crawl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counts for one source, read by the progress line and mirrored as Micrometer counters:
 * {@code stancewatch.ingest.pages{source, outcome}} and {@code stancewatch.ingest.failures{source, reason}}.
 */
public final class SourceCounters {
    /** The outcomes counted, as metric tag values. */
    public enum Outcome {
        DISCOVERED, FETCHED, NOT_MODIFIED, EXTRACTED, PUBLISHED, REVISION, COPY, UNCHANGED, ROBOTS_REFUSED, DEFERRED;

        String tag() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private final String source;
    private final MeterRegistry registry;
    private final Map<Outcome, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final LongAdder runs = new LongAdder();
    private final LongAdder deadLetters = new LongAdder();
    private final AtomicBoolean running = new AtomicBoolean();

    public SourceCounters(String source, MeterRegistry registry) {
        this.source = source;
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, new LongAdder());
        }
    }

    public void add(Outcome outcome, long n) {
        if (n <= 0) {
            return;
        }
        counts.get(outcome).add(n);
        Counter.builder("stancewatch.ingest.pages").tag("source", source).tag("outcome", outcome.tag())
                .description("pages and articles by outcome").register(registry).increment(n);
    }

    public void increment(Outcome outcome) {
        add(outcome, 1);
    }

    public void failed(String reason, long n) {
        if (n <= 0) {
            return;
        }
        failures.computeIfAbsent(reason, r -> new LongAdder()).add(n);
        Counter.builder("stancewatch.ingest.failures").tag("source", source).tag("reason", reason)
                .description("failed pages, feeds and sitemaps by reason").register(registry).increment(n);
    }

    /** Dead letters written for the source (the health rules watch them jump). */
    public void deadLettered(long n) {
        deadLetters.add(n);
    }

    public long deadLetters() {
        return deadLetters.sum();
    }

    public void running(boolean now) {
        running.set(now);
        if (!now) {
            runs.increment();
        }
    }

    public SourceStats snapshot() {
        Map<String, Long> failed = new HashMap<>();
        failures.forEach((reason, count) -> failed.put(reason, count.sum()));
        return new SourceStats(source, get(Outcome.DISCOVERED), get(Outcome.FETCHED), get(Outcome.NOT_MODIFIED),
                get(Outcome.EXTRACTED), get(Outcome.PUBLISHED), get(Outcome.REVISION), get(Outcome.COPY),
                get(Outcome.UNCHANGED), get(Outcome.ROBOTS_REFUSED), get(Outcome.DEFERRED), failed, runs.sum(),
                running.get());
    }

    private long get(Outcome outcome) {
        return counts.get(outcome).sum();
    }

    /** The counts of one run: this snapshot less an earlier one. */
    public static SourceStats difference(SourceStats after, SourceStats before) {
        Map<String, Long> failed = new HashMap<>(after.failed());
        before.failed().forEach((reason, count) -> failed.merge(reason, -count, Long::sum));
        failed.values().removeIf(count -> count == 0);
        return new SourceStats(after.source(), after.discovered() - before.discovered(), after.fetched() - before.fetched(),
                after.notModified() - before.notModified(), after.extracted() - before.extracted(),
                after.published() - before.published(), after.revisions() - before.revisions(),
                after.copies() - before.copies(), after.unchanged() - before.unchanged(),
                after.robotsRefused() - before.robotsRefused(), after.deferred() - before.deferred(), failed,
                after.runs() - before.runs(), after.running());
    }
}
