package org.stancewatch.analyze.stream.monitor;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the job's progress line at a fixed interval, with throughput since the previous line. */
public final class ProgressLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("org.stancewatch.analyze.progress");

    private final ScheduledExecutorService timer;
    private final Supplier<JobProgress> progress;
    private final long intervalMs;
    private JobProgress previous;

    private ProgressLog(Supplier<JobProgress> progress, Duration interval) {
        this.progress = progress;
        this.intervalMs = interval.toMillis();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "analyze-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts logging; an interval of zero logs nothing. */
    public static ProgressLog start(Supplier<JobProgress> progress, Duration interval) {
        ProgressLog progressLog = new ProgressLog(progress, interval);
        if (!interval.isZero()) {
            progressLog.timer.scheduleAtFixedRate(progressLog::logLine, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return progressLog;
    }

    private void logLine() {
        try {
            JobProgress now = progress.get();
            double seconds = intervalMs / 1000.0;
            String rates = previous == null ? "" : String.format(" (%.1f articles/s, %.1f mentions/s)",
                    (now.articlesIn() - previous.articlesIn()) / seconds,
                    (now.mentionsOut() - previous.mentionsOut()) / seconds);
            log.info("analyze: {}{}", now.line(), rates);
            previous = now;
        } catch (RuntimeException e) {
            log.debug("cannot report progress", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
