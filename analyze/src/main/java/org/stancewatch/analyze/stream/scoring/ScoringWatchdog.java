package org.stancewatch.analyze.stream.scoring;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.errors.Reasons;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;

/**
 * Runs the scorer on one article at a time with a deadline. NLP on a pathological text (a
 * table of numbers, a page of run-on sentences) can take minutes; without a deadline one such
 * article stalls its partition and, past {@code max.poll.interval.ms}, makes the consumer group
 * rebalance again and again on the same record. Past the deadline the article fails with
 * {@link ScoringTimeoutException} (so it goes to the dead-letter topic) and the scoring thread is
 * interrupted and abandoned: CoreNLP checks interrupts between annotators and between the
 * sentences each annotator handles, and a thread that does not stop (the parser swallows an
 * interrupt that lands inside a parse) is left to finish on its own — bounded by the scorer's
 * text and parse caps — replaced by a fresh one for the next article. The scorer is shared by all
 * threads (it is thread-safe), so the abandoned thread and its replacement may run it side by side.
 *
 * <p>Abandoned threads must not pile up (each holds a CoreNLP annotation, and all share the CPU):
 * while {@link #MAX_ABANDONED} of them still run in this process, the next article waits up to
 * the deadline for one to stop, and past that fails with {@link Reasons#SCORING_OVERLOADED}, so
 * that it goes to the dead-letter topic and can be replayed.
 */
public final class ScoringWatchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScoringWatchdog.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Abandoned scoring threads that may still run in this process. */
    static final int MAX_ABANDONED = 2;
    private static final Object ABANDONED_LOCK = new Object();
    private static int abandoned;

    private final StanceScorer scorer;
    private final Duration timeout;
    private ExecutorService executor = newExecutor();

    public ScoringWatchdog(StanceScorer scorer, Duration timeout) {
        this.scorer = scorer;
        this.timeout = timeout;
    }

    /**
     * The article's mentions.
     *
     * @throws ScoringTimeoutException past the deadline
     * @throws ScoringFailedException  when the scorer throws
     */
    public List<Mention> score(Article article) {
        awaitAbandonedBelowCap(article);
        AtomicBoolean settled = new AtomicBoolean();
        AtomicBoolean started = new AtomicBoolean();
        Future<List<Mention>> scoring = executor.submit(() -> {
            started.set(true);
            try {
                return scorer.score(article);
            } finally {
                if (!settled.compareAndSet(false, true)) {
                    abandonedStopped(); // the watchdog gave up on this one earlier
                }
            }
        });
        try {
            List<Mention> mentions = scoring.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return mentions == null ? List.of() : mentions;
        } catch (TimeoutException e) {
            if (started.get() && settled.compareAndSet(false, true)) {
                abandonedStarted(); // a task cancelled before it started never counts
            }
            scoring.cancel(true);
            replaceExecutor();
            throw new ScoringTimeoutException(article.id(), timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ScoringFailedException(Reasons.SCORING_FAILED, "the scorer (" + scorer.version()
                    + ") failed on article " + article.id() + ": " + cause, cause);
        } catch (InterruptedException e) {
            scoring.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring article " + article.id(), e);
        }
    }

    /** Abandoned scoring threads still running in this process. */
    static int abandonedRunning() {
        synchronized (ABANDONED_LOCK) {
            return abandoned;
        }
    }

    private static void abandonedStarted() {
        synchronized (ABANDONED_LOCK) {
            abandoned++;
        }
    }

    private static void abandonedStopped() {
        synchronized (ABANDONED_LOCK) {
            abandoned--;
            ABANDONED_LOCK.notifyAll();
        }
    }

    private void awaitAbandonedBelowCap(Article article) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (ABANDONED_LOCK) {
            while (abandoned >= MAX_ABANDONED) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new ScoringFailedException(Reasons.SCORING_OVERLOADED, abandoned + " abandoned scoring "
                            + "threads are still running; article " + article.id() + " was not scored", null);
                }
                try {
                    ABANDONED_LOCK.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting to score article " + article.id(), e);
                }
            }
        }
    }

    private void replaceExecutor() {
        executor.shutdownNow();
        executor = newExecutor();
        log.warn("A scoring thread was abandoned after {} ms; it stops when the scorer next checks for interrupts",
                timeout.toMillis());
    }

    private static ExecutorService newExecutor() {
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "stance-scorer-" + THREADS.incrementAndGet());
            thread.setDaemon(true); // an abandoned, stuck scoring must not keep the JVM alive
            return thread;
        };
        return Executors.newSingleThreadExecutor(factory);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
