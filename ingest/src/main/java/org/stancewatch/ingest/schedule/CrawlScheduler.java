package org.stancewatch.ingest.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.crawl.SourceStats;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.SourceRunState;

/**
 * Runs each source on its interval, with a random jitter of up to a tenth of it so that sources
 * started together drift apart, and never two runs of one source at once: the next run is
 * planned when the previous one ends, and a run asked for while one is going on is skipped. The
 * plan survives restarts: a source's next run is its last run's end (from the crawl state) plus
 * its interval. At most {@code parallelSources} sources run at the same time.
 */
public final class CrawlScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlScheduler.class);
    private static final Duration OWNERSHIP_RECHECK = Duration.ofSeconds(15);

    /** Runs one source once. */
    @FunctionalInterface
    public interface SourceRunner {
        SourceStats run(Source source, BooleanSupplier stop) throws InterruptedException;
    }

    private final List<Source> sources;
    private final SourceRunner runner;
    private final SourceOwnership ownership;
    private final CrawlState state;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    public CrawlScheduler(List<Source> sources, SourceRunner runner, SourceOwnership ownership, CrawlState state,
                          Clock clock, int parallelSources) {
        this.sources = List.copyOf(sources);
        this.runner = runner;
        this.ownership = ownership;
        this.state = state;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(parallelSources, Thread.ofPlatform().name("crawl-", 1).factory());
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("crawl-timer").factory());
        sources.forEach(source -> running.put(source.id(), new AtomicBoolean()));
    }

    /** Starts the schedule: each source's first run is due from its last run's end, or now (staggered). */
    public void start() {
        int stagger = 0;
        for (Source source : sources) {
            Optional<SourceRunState> last = state.lastRun(source.id());
            Duration delay;
            if (last.isPresent() && last.get().lastEnd() != null) {
                Instant due = last.get().lastEnd().plus(source.interval());
                delay = Duration.between(clock.instant(), due);
                delay = delay.isNegative() ? Duration.ofMillis(200L * stagger++) : delay;
            } else {
                delay = Duration.ofMillis(200L * stagger++);
            }
            schedule(source, delay);
        }
    }

    private void schedule(Source source, Duration delay) {
        if (stopping.get()) {
            return;
        }
        timer.schedule(() -> due(source), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void due(Source source) {
        if (stopping.get()) {
            return;
        }
        if (!ownership.owns(source.id())) {
            schedule(source, OWNERSHIP_RECHECK); // another instance runs it; look again later
            return;
        }
        AtomicBoolean flag = running.get(source.id());
        if (!flag.compareAndSet(false, true)) {
            schedule(source, withJitter(source.interval()));
            return;
        }
        workers.execute(() -> {
            try {
                runLogged(source);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // logged by runLogged; the source runs again at its next turn
            } finally {
                flag.set(false);
                schedule(source, withJitter(source.interval()));
            }
        });
    }

    /**
     * Runs every source this instance owns once, now, and waits for them: {@code crawl --once}.
     * A source already running is waited for rather than run twice.
     */
    public List<SourceStats> runOnce() throws InterruptedException {
        List<Future<SourceStats>> runs = new ArrayList<>();
        for (Source source : sources) {
            if (!ownership.owns(source.id())) {
                continue;
            }
            runs.add(workers.submit(() -> {
                AtomicBoolean flag = running.get(source.id());
                while (!flag.compareAndSet(false, true)) {
                    Thread.sleep(100);
                }
                try {
                    return runLogged(source);
                } finally {
                    flag.set(false);
                }
            }));
        }
        List<SourceStats> results = new ArrayList<>();
        for (Future<SourceStats> run : runs) {
            try {
                SourceStats stats = run.get();
                if (stats != null) {
                    results.add(stats);
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
        }
        return results;
    }

    private SourceStats runLogged(Source source) throws InterruptedException {
        long started = System.nanoTime();
        LOG.info("{}: run started", source.id());
        try {
            SourceStats stats = runner.run(source, () -> stopping.get() || !ownership.owns(source.id()));
            LOG.info("{} in {} s", stats.describe(), (System.nanoTime() - started) / 1_000_000_000);
            return stats;
        } catch (RuntimeException e) {
            LOG.error("{}: run failed: {}", source.id(), e.getMessage(), e);
            throw e;
        }
    }

    /** Waits until no source whose state is in the given partitions is running (ownership moving away). */
    public void awaitStopped(Collection<Integer> partitions, ToIntFunction<String> partitionOf, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Source source : sources) {
            if (!partitions.contains(partitionOf.applyAsInt(source.id()))) {
                continue;
            }
            while (running.get(source.id()).get() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
    }

    /** Stops planning runs, lets the running ones end at their next page, and waits for them. */
    @Override
    public void close() {
        stopping.set(true);
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.MINUTES)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Duration withJitter(Duration interval) {
        long jitter = interval.toMillis() / 10;
        return interval.plusMillis(jitter <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1));
    }
}
