package org.stancewatch.analyze;

import io.micrometer.core.instrument.MeterRegistry;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.AnalyzeJob;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.analyze.stream.monitor.JobProgress;
import org.stancewatch.analyze.stream.monitor.JobState;

/**
 * The analyze stage as an application runs it: the Kafka Streams job, started, watched and
 * closed. One of the stage's entry points, with {@link StanceScoring} (the scorer it runs) and
 * {@link ModelTraining} (the stance model's offline tools); what lies behind them may change
 * without touching their callers.
 *
 * <p>Records of the stage's data contract cross this surface as they are: the job's settings
 * ({@link AnalyzeSettings} with its shift and attention settings) and its figures
 * ({@link JobProgress}). The scorer crosses as the {@link StanceScorer} interface, so that a
 * test can run the job with a scorer of its own.
 */
public final class AnalyzeStage implements AutoCloseable {
    private final AnalyzeJob job;

    private AnalyzeStage(AnalyzeJob job) {
        this.job = job;
    }

    /** Starts the job, its metrics in a registry of its own; the topics must exist. */
    public static AnalyzeStage start(AnalyzeSettings settings, StanceScorer scorer) {
        return new AnalyzeStage(AnalyzeJob.start(settings, scorer));
    }

    /** Starts the job, its metrics in the given registry; the topics must exist. */
    public static AnalyzeStage start(AnalyzeSettings settings, StanceScorer scorer, MeterRegistry registry) {
        return new AnalyzeStage(AnalyzeJob.start(settings, scorer, registry));
    }

    /** True when one of the job's applications has failed: the job does not recover by itself. */
    public boolean hasFailed() {
        return job.state() == JobState.FAILED;
    }

    public JobProgress progress() {
        return job.progress();
    }

    /** The job's two topologies, as Kafka Streams describes them. */
    public String describe() {
        return job.describe();
    }

    /** Stops the job; committed work stays committed and other instances take over its partitions. */
    @Override
    public void close() {
        job.close();
    }
}
