package org.stancewatch.analyze.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.stancewatch.analyze.stream.attention.AttentionSettings;
import org.stancewatch.analyze.stream.shift.ShiftSettings;
import org.stancewatch.model.kafka.KafkaTopicNames;

/**
 * Everything the analyze job is configured with. The command line fills it; stages never read
 * the environment. {@link #defaults} works as it is against a local broker.
 *
 * @param bootstrapServers   Kafka bootstrap servers
 * @param applicationId      base application id; the job runs two Kafka Streams applications,
 *                           {@code <id>-scoring} and {@code <id>-aggregation}. Instances with the
 *                           same id share the partitions between them
 * @param scoringThreads     stream threads that score articles (each runs the scorer)
 * @param aggregationThreads stream threads that aggregate mentions and detect shifts
 * @param stateDir           where Kafka Streams keeps its local state (RocksDB)
 * @param topics             the topics read and written
 * @param grace              how late (in event time) an article may arrive and still be counted
 *                           in its windows; news sites backfill, so the default is a week. An
 *                           article is late when its publication time lies more than this behind
 *                           the newest publication time already seen in its partition of the
 *                           articles topic: decided once, in the order the crawler published,
 *                           so the job's own speed never changes what counts
 * @param reorderAllowance   how far the job's own partitions may drift apart in event time while
 *                           it catches up on a backlog (a restart, a replay) before the windows
 *                           refuse records: added to the windows' grace, not to what counts as late
 * @param copyWeight         weight of a syndicated copy in the series that span outlets: 0 counts
 *                           the story once (the original only), 1 counts every copy in full
 * @param scoringTimeout     the per-article watchdog: an article whose scoring takes longer goes
 *                           to the dead-letter topic as {@code scoring-timeout}
 * @param shift              the shift detector's settings
 * @param attention          the attention detector's settings (bursts of coverage)
 * @param progressInterval   how often the job logs its progress line (zero: never)
 * @param streamsOverrides   raw Kafka Streams / client properties applied to both applications
 *                           last, for what has no option of its own
 */
public record AnalyzeSettings(
        String bootstrapServers,
        String applicationId,
        int scoringThreads,
        int aggregationThreads,
        Path stateDir,
        KafkaTopicNames topics,
        Duration grace,
        Duration reorderAllowance,
        double copyWeight,
        Duration scoringTimeout,
        ShiftSettings shift,
        AttentionSettings attention,
        Duration progressInterval,
        Map<String, String> streamsOverrides) {

    public static final String DEFAULT_APPLICATION_ID = "stancewatch-analyze";
    public static final Duration DEFAULT_GRACE = Duration.ofDays(7);
    public static final Duration DEFAULT_REORDER_ALLOWANCE = Duration.ofDays(30);
    /**
     * Measured on a 2-core machine under load: a news article of 4,000 characters takes 0.1-1 s
     * to score, one at the scorer's cap of 100,000 characters 8-16 s; 60 s leaves room for that
     * on a busy machine with a scoring thread per core, and still stops a runaway in a minute.
     */
    public static final Duration DEFAULT_SCORING_TIMEOUT = Duration.ofSeconds(60);

    public AnalyzeSettings {
        requireText(bootstrapServers, "bootstrapServers");
        requireText(applicationId, "applicationId");
        if (!applicationId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("applicationId may hold letters, digits, '.', '_' and '-' only, was '"
                    + applicationId + "'");
        }
        if (scoringThreads < 1 || aggregationThreads < 1) {
            throw new IllegalArgumentException("each application needs at least one stream thread");
        }
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(topics, "topics");
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be zero or more, was " + grace);
        }
        if (reorderAllowance == null || reorderAllowance.isNegative()) {
            throw new IllegalArgumentException("reorderAllowance must be zero or more, was " + reorderAllowance);
        }
        if (!(copyWeight >= 0 && copyWeight <= 1)) {
            throw new IllegalArgumentException("copyWeight must be in [0, 1], was " + copyWeight);
        }
        if (scoringTimeout == null || scoringTimeout.isNegative() || scoringTimeout.isZero()) {
            throw new IllegalArgumentException("scoringTimeout must be positive, was " + scoringTimeout);
        }
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(attention, "attention");
        if (progressInterval == null || progressInterval.isNegative()) {
            throw new IllegalArgumentException("progressInterval must be zero or more, was " + progressInterval);
        }
        streamsOverrides = streamsOverrides == null ? Map.of() : Map.copyOf(streamsOverrides);
    }

    /** Settings that work without configuration against the given brokers. */
    public static AnalyzeSettings defaults(String bootstrapServers) {
        return new AnalyzeSettings(bootstrapServers, DEFAULT_APPLICATION_ID, 1, 1,
                Path.of(System.getProperty("java.io.tmpdir"), "stancewatch-streams"), KafkaTopicNames.ofAnalyze(),
                DEFAULT_GRACE, DEFAULT_REORDER_ALLOWANCE, 0.0, DEFAULT_SCORING_TIMEOUT, ShiftSettings.defaults(),
                AttentionSettings.defaults(), Duration.ofSeconds(30),
                Map.of());
    }

    /** The application id of the scoring application. */
    public String scoringApplicationId() {
        return applicationId + "-scoring";
    }

    /** The application id of the aggregation application. */
    public String aggregationApplicationId() {
        return applicationId + "-aggregation";
    }

    /** The grace of the windows themselves: the lateness allowed plus the reorder allowance. */
    public Duration windowGrace() {
        return grace.plus(reorderAllowance);
    }

    /**
     * How long per-mention and per-article state is kept after its publication time (in stream
     * time): past the windows' grace no window it belongs to accepts changes, so it can be forgotten.
     */
    public Duration stateRetention() {
        return windowGrace().plusDays(2);
    }

    public AnalyzeSettings withApplicationId(String value) {
        return new AnalyzeSettings(bootstrapServers, value, scoringThreads, aggregationThreads, stateDir, topics,
                grace, reorderAllowance, copyWeight, scoringTimeout, shift, attention,
                progressInterval, streamsOverrides);
    }

    public AnalyzeSettings withThreads(int scoring, int aggregation) {
        return new AnalyzeSettings(bootstrapServers, applicationId, scoring, aggregation, stateDir, topics, grace,
                reorderAllowance, copyWeight, scoringTimeout, shift, attention, progressInterval, streamsOverrides);
    }

    public AnalyzeSettings withStateDir(Path value) {
        return new AnalyzeSettings(bootstrapServers, applicationId, scoringThreads, aggregationThreads, value,
                topics, grace, reorderAllowance, copyWeight, scoringTimeout, shift, attention,
                progressInterval, streamsOverrides);
    }

    public AnalyzeSettings withTopics(KafkaTopicNames value) {
        return new AnalyzeSettings(bootstrapServers, applicationId, scoringThreads, aggregationThreads, stateDir,
                value, grace, reorderAllowance, copyWeight, scoringTimeout, shift, attention,
                progressInterval, streamsOverrides);
    }

    public AnalyzeSettings withGrace(Duration value) {
        return new AnalyzeSettings(bootstrapServers, applicationId, scoringThreads, aggregationThreads, stateDir,
                topics, value, reorderAllowance, copyWeight, scoringTimeout, shift, attention,
                progressInterval, streamsOverrides);
    }

    public AnalyzeSettings withReorderAllowance(Duration value) {
        return new AnalyzeSettings(bootstrapServers, applicationId, scoringThreads, aggregationThreads, stateDir,
                topics, grace, value, copyWeight, scoringTimeout, shift, attention, progressInterval, streamsOverrides);
    }

    public AnalyzeSettings withCopyWeight(double value) {
        return new AnalyzeSettings(bootstrapServers, applicationId, scoringThreads, aggregationThreads, stateDir,
                topics, grace, reorderAllowance, value, scoringTimeout, shift, attention,
                progressInterval, streamsOverrides);
    }

    public AnalyzeSettings withScoringTimeout(Duration value) {
        return new AnalyzeSettings(bootstrapServers, applicationId, scoringThreads, aggregationThreads, stateDir,
                topics, grace, reorderAllowance, copyWeight, value, shift, attention,
                progressInterval, streamsOverrides);
    }

    public AnalyzeSettings withShift(ShiftSettings value) {
        return new AnalyzeSettings(bootstrapServers, applicationId, scoringThreads, aggregationThreads, stateDir,
                topics, grace, reorderAllowance, copyWeight, scoringTimeout, value, attention,
                progressInterval, streamsOverrides);
    }

    public AnalyzeSettings withAttention(AttentionSettings value) {
        return new AnalyzeSettings(bootstrapServers, applicationId, scoringThreads, aggregationThreads, stateDir,
                topics, grace, reorderAllowance, copyWeight, scoringTimeout, shift, value, progressInterval,
                streamsOverrides);
    }

    public AnalyzeSettings withProgressInterval(Duration value) {
        return new AnalyzeSettings(bootstrapServers, applicationId, scoringThreads, aggregationThreads, stateDir,
                topics, grace, reorderAllowance, copyWeight, scoringTimeout, shift, attention, value, streamsOverrides);
    }

    public AnalyzeSettings withStreamsOverrides(Map<String, String> value) {
        return new AnalyzeSettings(bootstrapServers, applicationId, scoringThreads, aggregationThreads, stateDir,
                topics, grace, reorderAllowance, copyWeight, scoringTimeout, shift, attention, progressInterval, value);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
