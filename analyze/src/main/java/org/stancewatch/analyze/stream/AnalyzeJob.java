package org.stancewatch.analyze.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.monitor.ConsumerLag;
import org.stancewatch.analyze.stream.monitor.JobCounters;
import org.stancewatch.analyze.stream.monitor.JobMetrics;
import org.stancewatch.analyze.stream.monitor.JobProgress;
import org.stancewatch.analyze.stream.monitor.JobState;
import org.stancewatch.analyze.stream.monitor.ProgressLog;
import org.stancewatch.analyze.stream.monitor.WindowRefusals;
import org.stancewatch.model.json.UnsupportedSchemaVersionException;

/**
 * The running analyze job: the scoring application (at-least-once) and the aggregation
 * application (exactly-once) in this process. Start it, watch {@link #progress()}, {@link
 * #close()} it. Several processes started with the same application id share the partitions.
 *
 * <pre>{@code
 * try (AnalyzeJob job = AnalyzeJob.start(AnalyzeSettings.defaults("localhost:9092"), scorer)) {
 *     job.awaitRunning(Duration.ofMinutes(1));
 *     System.out.println(job.progress().line());
 * }
 * }</pre>
 */
public final class AnalyzeJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnalyzeJob.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** How long a thread that met a record of a newer stancewatch waits before it reads it again. */
    static final Duration NEWER_RECORD_WAIT = Duration.ofSeconds(30);

    private final AnalyzeSettings settings;
    private final JobCounters counters;
    private final KafkaStreams scoring;
    private final KafkaStreams aggregation;
    private final String description;
    private final JobMetrics metrics;
    private final ProgressLog progressLog;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The aggregation's dropped records, as last read: Kafka Streams forgets them when it closes. */
    private final AtomicLong windowRefusals = new AtomicLong();

    private AnalyzeJob(AnalyzeSettings settings, JobCounters counters, KafkaStreams scoring, KafkaStreams aggregation,
                       String description, MeterRegistry registry) {
        this.settings = settings;
        this.description = description;
        this.counters = counters;
        this.scoring = scoring;
        this.aggregation = aggregation;
        this.metrics = JobMetrics.bind(registry, counters, scoring, aggregation);
        this.progressLog = ProgressLog.start(this::progress, settings.progressInterval());
    }

    /** Starts the job, its metrics in a registry of its own. */
    public static AnalyzeJob start(AnalyzeSettings settings, StanceScorer scorer) {
        return start(settings, scorer, new SimpleMeterRegistry());
    }

    /**
     * Starts both applications and returns at once; they join their groups and start processing
     * in the background (see {@link #awaitRunning}). The topics must exist.
     */
    public static AnalyzeJob start(AnalyzeSettings settings, StanceScorer scorer, MeterRegistry registry) {
        JobCounters counters = new JobCounters();
        Topology scoringTopology = ScoringTopology.build(scorer, settings, counters,
                KafkaTopicLimits.maxRecordBytes(settings, settings.topics().mentions()));
        Topology aggregationTopology = AggregationTopology.build(settings, counters);
        KafkaStreams scoring = new KafkaStreams(scoringTopology, StreamsProperties.scoring(settings, counters));
        KafkaStreams aggregation = new KafkaStreams(aggregationTopology, StreamsProperties.aggregation(settings,
                counters));
        scoring.setUncaughtExceptionHandler(uncaught("scoring"));
        aggregation.setUncaughtExceptionHandler(uncaught("aggregation"));
        String description = "scoring application " + settings.scoringApplicationId() + "\n"
                + scoringTopology.describe() + "\naggregation application " + settings.aggregationApplicationId() + "\n"
                + aggregationTopology.describe();
        AnalyzeJob job = new AnalyzeJob(settings, counters, scoring, aggregation, description, registry);
        log.info("Starting analyze job '{}' ({} scoring and {} aggregation threads, scorer {}, grace {}, state in {})",
                settings.applicationId(), settings.scoringThreads(), settings.aggregationThreads(), scorer.version(),
                settings.grace(), settings.stateDir().toAbsolutePath());
        scoring.start();
        aggregation.start();
        return job;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Errors the exception handlers cannot turn into dead letters (the broker, the state
     * directory): a missing input topic stops the job with advice; a record of a newer schema
     * version replaces the thread after {@link #NEWER_RECORD_WAIT}, so the job waits for its
     * upgrade; anything else replaces the stream thread, which resumes from the last commit.
     */
    private static StreamsUncaughtExceptionHandler uncaught(String application) {
        return error -> {
            if (error instanceof MissingSourceTopicException || error.getCause() instanceof MissingSourceTopicException) {
                log.error("The {} application stops: an input topic is missing ({}). Create the topics "
                        + "(stancewatch analyze creates them at start) and start again.", application, error.getMessage());
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            var newer = UnsupportedSchemaVersionException.newerIn(error);
            if (newer.isPresent()) {
                log.error("The {} application reads a record of a newer stancewatch ({}). It waits for this job to be "
                        + "upgraded, trying again every {} s; nothing is dead-lettered.", application,
                        newer.get().getMessage(), NEWER_RECORD_WAIT.toSeconds());
                sleep(NEWER_RECORD_WAIT);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            log.error("A {} stream thread failed; replacing it, it resumes from its last commit", application, error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        };
    }

    public AnalyzeSettings settings() {
        return settings;
    }

    public JobState state() {
        return JobState.of(scoring.state(), aggregation.state());
    }

    /** Waits until both applications process, or fails; false when the time ran out first. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JobState state = state();
            if (state == JobState.RUNNING) {
                return true;
            }
            if (state == JobState.FAILED || state == JobState.STOPPED) {
                throw new IllegalStateException("the analyze job " + state.name().toLowerCase() + " while starting; see the log");
            }
            Thread.sleep(100);
        }
        return false;
    }

    public JobCounters counters() {
        return counters;
    }

    private long windowRefusals() {
        return windowRefusals.accumulateAndGet(WindowRefusals.of(aggregation), Math::max);
    }

    public JobProgress progress() {
        return new JobProgress(state(), counters.articlesIn(), counters.mentionsOut(), counters.mentionsRetracted(),
                counters.lateArticles(), counters.bucketUpdates(), windowRefusals(), counters.alerts(),
                counters.deadLettersByReason(), counters.deadLettersLost(), ConsumerLag.of(scoring),
                ConsumerLag.of(aggregation));
    }

    /** The two topologies, as Kafka Streams describes them. */
    public String describe() {
        return description;
    }

    /**
     * Stops both applications, leaving their groups so that other instances take over at once;
     * committed work stays committed.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        progressLog.close();
        CloseOptions options = CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT);
        scoring.close(options);
        windowRefusals();
        aggregation.close(options);
        metrics.close();
        log.info("Analyze job '{}' stopped: {}", settings.applicationId(), progress().line());
    }
}
