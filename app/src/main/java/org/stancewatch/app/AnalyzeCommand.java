package org.stancewatch.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.analyze.AnalyzeStage;
import org.stancewatch.analyze.StanceScoring;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.analyze.stream.attention.AttentionSettings;
import org.stancewatch.analyze.stream.shift.ShiftSettings;
import org.stancewatch.app.pipeline.ClusterKafkaTopics;
import org.stancewatch.app.pipeline.KafkaConnection;
import org.stancewatch.model.kafka.KafkaTopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stancewatch analyze}: the Kafka Streams job, until Ctrl-C. */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Scores the stance of articles, aggregates it in event-time windows and raises alerts.",
        description = {
            "Runs the analyze stage against KAFKA_BOOTSTRAP_SERVERS: reads stancewatch.articles, scores each "
                    + "article's mentions of tracked actors, and writes stancewatch.mentions, hourly and daily "
                    + "stance buckets to stancewatch.stance (per actor, actor x topic, actor x outlet, holder -> "
                    + "actor) and alerts on sharp changes of tone to stancewatch.alerts. Records it cannot read "
                    + "or score go to stancewatch.analyze.dlq with the reason. Creates missing topics first.",
            "",
            "It also alerts on bursts of attention: an actor's or a topic's share of all mentions rising "
                    + "sharply within a day or two (--attention-* options, --no-attention; see "
                    + "docs/attention-bursts.md).",
            "",
            "Articles are scored by the same scorer as 'stancewatch stance': CoreNLP and stance model v2 by "
                    + "default (--actors, --topics and --model choose its files); loading it takes 10-20 s and "
                    + "about 2 GB of memory.",
            "",
            "Start it on several machines with the same --application-id to share the work (up to one "
                    + "instance per partition). Progress is logged every --progress-interval; with "
                    + "--metrics-port, metrics (throughput, lag, ...) are served for Prometheus, on this machine only "
                    + "unless --metrics-address says otherwise. Stops on Ctrl-C.",
            ""
        })
final class AnalyzeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(AnalyzeCommand.class);

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = AnalyzeSettings.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id; instances with the same id share the work "
                    + "(default: ${DEFAULT-VALUE})")
    String applicationId;

    @Mixin
    ScorerFiles scorerFiles;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "threads scoring articles, each running the scorer (default: ${DEFAULT-VALUE})")
    int scoringThreads;

    @Option(names = "--aggregation-threads", paramLabel = "N", defaultValue = "1",
            description = "threads aggregating mentions and detecting shifts (default: ${DEFAULT-VALUE})")
    int aggregationThreads;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "local state of the job (default: STANCEWATCH_HOME/analyze-state)")
    Path stateDir = Path.of(Environment.STANCEWATCH_HOME.value(), "analyze-state");

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "7d", converter = DurationConverter.class,
            description = "how long after newer articles a late article still counts; raise it to backfill "
                    + "archives found out of date order (default: ${DEFAULT-VALUE})")
    Duration grace;

    @Option(names = "--reorder-allowance", paramLabel = "DURATION", defaultValue = "30d",
            converter = DurationConverter.class,
            description = "how far the job's partitions may drift apart in event time while catching up "
                    + "(default: ${DEFAULT-VALUE})")
    Duration reorderAllowance;

    @Option(names = "--copy-weight", paramLabel = "W", defaultValue = "0",
            description = "weight of a syndicated copy across outlets: 0 counts a story once, 1 counts "
                    + "every copy (default: ${DEFAULT-VALUE})")
    double copyWeight;

    @Option(names = "--scoring-timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "an article scored for longer goes to the dead-letter topic; the longest the scorer "
                    + "reads (100,000 characters) takes 10-20 s (default: ${DEFAULT-VALUE})")
    Duration scoringTimeout;

    @Option(names = "--baseline", paramLabel = "DURATION", defaultValue = "30d", converter = DurationConverter.class,
            description = "alerts: the baseline window, whole days (default: ${DEFAULT-VALUE})")
    Duration baseline;

    @Option(names = "--recent", paramLabel = "DURATION", defaultValue = "7d", converter = DurationConverter.class,
            description = "alerts: the recent window compared with it, whole days (default: ${DEFAULT-VALUE})")
    Duration recent;

    @Option(names = "--min-baseline", paramLabel = "N", defaultValue = "30",
            description = "alerts: least mentions in the baseline (default: ${DEFAULT-VALUE})")
    double minBaseline;

    @Option(names = "--min-recent", paramLabel = "N", defaultValue = "10",
            description = "alerts: least mentions in the recent window (default: ${DEFAULT-VALUE})")
    double minRecent;

    @Option(names = "--threshold", paramLabel = "Z", defaultValue = "4.0",
            description = "alerts: the |z| a change must reach (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--min-change", paramLabel = "D", defaultValue = "0.2",
            description = "alerts: least change of mean stance, on the -1..1 scale (default: ${DEFAULT-VALUE})")
    double minChange;

    @Option(names = "--cooldown", paramLabel = "DURATION", defaultValue = "7d", converter = DurationConverter.class,
            description = "alerts: quiet time of a series after an alert, whole days (default: ${DEFAULT-VALUE})")
    Duration cooldown;

    @Option(names = "--shrinkage", paramLabel = "K", defaultValue = "10",
            description = "alerts: pseudo-mentions pulling a thin recent window toward the baseline "
                    + "(default: ${DEFAULT-VALUE})")
    double shrinkage;

    @Option(names = "--evidence", paramLabel = "N", defaultValue = "5",
            description = "alerts: evidence sentences per alert (default: ${DEFAULT-VALUE})")
    int evidence;

    @Option(names = "--no-attention", negatable = false,
            description = "raise no alerts on bursts of attention (an actor's or topic's share of all mentions "
                    + "rising sharply); tone alerts are kept")
    boolean noAttention;

    @Option(names = "--attention-threshold", paramLabel = "Z", defaultValue = "4.0",
            description = "attention: the z a rise of a share must reach (default: ${DEFAULT-VALUE})")
    double attentionThreshold;

    @Option(names = "--attention-min-ratio", paramLabel = "R", defaultValue = "2.5",
            description = "attention: least recent share / baseline share (default: ${DEFAULT-VALUE})")
    double attentionMinRatio;

    @Option(names = "--attention-min-recent", paramLabel = "N", defaultValue = "10",
            description = "attention: least mentions of the actor or topic in the recent window "
                    + "(default: ${DEFAULT-VALUE})")
    double attentionMinRecent;

    @Option(names = "--attention-recent", paramLabel = "DURATION", defaultValue = "2d",
            converter = DurationConverter.class,
            description = "attention: the recent window, whole days, against the 28 days before it "
                    + "(default: ${DEFAULT-VALUE})")
    Duration attentionRecent;

    @Option(names = "--attention-cooldown", paramLabel = "DURATION", defaultValue = "3d",
            converter = DurationConverter.class,
            description = "attention: quiet time of a series after an alert, whole days (default: ${DEFAULT-VALUE})")
    Duration attentionCooldown;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + KafkaTopicSetup.DEFAULT_PARTITIONS,
            description = "partitions of topics this command creates (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "0",
            description = "replication factor of topics this command creates; 0 for as many as the cluster has "
                    + "brokers, up to 3 (default: ${DEFAULT-VALUE})")
    short replicationFactor;

    @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "how often to log progress, lag and throughput; 0s for never (default: ${DEFAULT-VALUE})")
    Duration progressInterval;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "0",
            description = "serve Prometheus metrics at http://localhost:PORT/metrics; 0 for none "
                    + "(default: ${DEFAULT-VALUE})")
    int metricsPort;

    @Option(names = "--metrics-address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "interface the metrics are served on: 127.0.0.1 keeps them on this machine, 0.0.0.0 "
                    + "serves every interface (default: ${DEFAULT-VALUE})")
    String metricsAddress;

    @Option(names = {"-c", "--streams-config"}, paramLabel = "KEY=VALUE",
            description = "a Kafka Streams or client property for both applications, e.g. "
                    + "-c num.standby.replicas=1 (repeatable)")
    Map<String, String> streamsConfig = new LinkedHashMap<>();

    /** The settings these options describe. */
    AnalyzeSettings settings() {
        return settings(ClusterSettings.kafka());
    }

    /** The settings these options describe, on this connection (its client properties under -c ones). */
    AnalyzeSettings settings(KafkaConnection kafka) {
        ShiftSettings shift = new ShiftSettings(baseline, recent, minBaseline, minRecent, threshold, minChange,
                cooldown, shrinkage, ShiftSettings.defaults().varianceFloor(), evidence);
        AttentionSettings defaults = AttentionSettings.defaults();
        AttentionSettings attention = defaults.withEnabled(!noAttention)
                .withThreshold(attentionThreshold)
                .withMinRatio(attentionMinRatio)
                .withMinRecent(attentionMinRecent)
                .withWindows(defaults.baseline(), attentionRecent, defaults.minBaselineDays())
                .withCooldown(attentionCooldown);
        Map<String, String> streams = new LinkedHashMap<>(kafka.clientProperties());
        streams.putAll(streamsConfig);
        return AnalyzeSettings.defaults(kafka.bootstrapServers())
                .withApplicationId(applicationId)
                .withThreads(scoringThreads, aggregationThreads)
                .withStateDir(stateDir)
                .withGrace(grace)
                .withReorderAllowance(reorderAllowance)
                .withCopyWeight(copyWeight)
                .withScoringTimeout(scoringTimeout)
                .withShift(shift)
                .withAttention(attention)
                .withProgressInterval(progressInterval)
                .withStreamsOverrides(streams);
    }

    /** The scorer these options choose: lexicon and model files are read (and checked) before CoreNLP loads. */
    StanceScoring scorer() {
        return scorerFiles.scorer();
    }

    @Override
    public Integer call() throws InterruptedException {
        KafkaConnection kafka = ClusterSettings.kafka();
        AnalyzeSettings settings = settings(kafka);
        ClusterKafkaTopics.ensure(kafka, partitions, replicationFactor);
        System.out.println("Loading the stance scorer ...");
        StanceScoring scorer = scorer();
        MetricsEndpoint metrics = metricsPort > 0 ? MetricsEndpoint.start(metricsAddress, metricsPort) : null;
        MeterRegistry registry = metrics != null ? metrics.registry() : new SimpleMeterRegistry();
        AnalyzeStage job = AnalyzeStage.start(settings, scorer, registry);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the analyze job ...");
            job.close();
            if (metrics != null) {
                metrics.close();
            }
            stopped.countDown();
        }, "analyze-shutdown"));
        System.out.printf("Analyzing from %s as '%s' (%d scoring, %d aggregation threads)%s. Press Ctrl-C to stop.%n",
                settings.bootstrapServers(), settings.applicationId(), settings.scoringThreads(),
                settings.aggregationThreads(), metrics == null ? ""
                        : "; metrics at http://localhost:" + metrics.port() + "/metrics");
        while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
            if (job.hasFailed()) {
                log.error("The analyze job failed; see the messages above. Stopping.");
                return 1;
            }
        }
        return 0;
    }
}
