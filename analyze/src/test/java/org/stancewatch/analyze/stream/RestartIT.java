package org.stancewatch.analyze.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.analyze.stream.eventtime.MentionHeaders;
import org.stancewatch.analyze.stream.shift.ShiftSettings;
import org.stancewatch.analyze.stream.support.Corpus;
import org.stancewatch.analyze.stream.support.GroupProgress;
import org.stancewatch.analyze.stream.support.KafkaTestTopics;
import org.stancewatch.analyze.stream.support.KeywordStanceScorer;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.child.ParentWatchingMain;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.kafka.KafkaTopicNames;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Kills the job (SIGKILL, its JVM gone mid-stream) and starts it again: the final aggregates
 * equal those of a run that was never interrupted, on the same articles, and the planted change
 * of tone alerts once, as it does without the interruption.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class RestartIT {
    static final int ARTICLES = 400;
    static final long SCORING_DELAY_MS = 15;

    static AnalyzeSettings settings(String bootstrap, String applicationId, String suffix, Path state) {
        return AnalyzeSettings.defaults(bootstrap).withApplicationId(applicationId)
                .withTopics(KafkaTopicNames.ofAnalyze().suffixed(suffix)).withStateDir(state).withThreads(2, 2)
                // sensitive enough that the corpus' planted change of tone (a few weeks long) alerts
                .withShift(ShiftSettings.defaults().withThreshold(2.5))
                .withProgressInterval(Duration.ofSeconds(5));
    }

    @Test
    void aJobKilledMidStreamAndRestartedEndsWithTheAggregatesOfAnUninterruptedRun(EmbeddedServices services,
            @TempDir Path steadyState, @TempDir Path killedState) throws Exception {
        String bootstrap = services.kafkaBootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Article> articles = Corpus.generate(42, ARTICLES, Instant.parse("2011-01-03T00:00:00Z"), Duration.ofDays(28));

        KafkaTestTopics steady = new KafkaTestTopics(bootstrap, KafkaTopicNames.ofAnalyze().suffixed(".steady-" + run)).create(3);
        KafkaTestTopics killed = new KafkaTestTopics(bootstrap, KafkaTopicNames.ofAnalyze().suffixed(".killed-" + run)).create(3);
        steady.send(articles);
        killed.send(articles);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            AnalyzeSettings steadySettings = settings(bootstrap, "steady-" + run, ".steady-" + run, steadyState);
            try (AnalyzeJob job = AnalyzeJob.start(steadySettings, new KeywordStanceScorer(Duration.ofMillis(SCORING_DELAY_MS)))) {
                GroupProgress.awaitCaughtUp(admin, steadySettings, Duration.ofMinutes(4));
            }

            AnalyzeSettings killedSettings = settings(bootstrap, "killed-" + run, ".killed-" + run, killedState);
            Process child = startChild(bootstrap, killedSettings, killedState);
            try {
                awaitMidStream(killed, child);
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no checkpoint
                child.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(GroupProgress.caughtUp(admin, killedSettings)).as("killed before it was done").isFalse();

            try (AnalyzeJob restarted = AnalyzeJob.start(killedSettings,
                    new KeywordStanceScorer(Duration.ofMillis(SCORING_DELAY_MS)))) {
                GroupProgress.awaitCaughtUp(admin, killedSettings, Duration.ofMinutes(4));
            }
        }

        assertThat(liveMentions(killed)).as("the mentions the scoring application left live")
                .isEqualTo(liveMentions(steady));
        Map<String, StanceBucket> expected = latestBuckets(steady);
        Map<String, StanceBucket> actual = latestBuckets(killed);
        assertThat(expected).isNotEmpty();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        List<String> differences = new java.util.ArrayList<>();
        for (String id : expected.keySet()) {
            StanceBucket want = expected.get(id);
            StanceBucket got = actual.get(id);
            if (got.count() != want.count() || got.positive() != want.positive() || got.negative() != want.negative()
                    || got.neutral() != want.neutral() || Math.abs(got.sum() - want.sum()) > 1e-9
                    || Math.abs(got.weight() - want.weight()) > 1e-9) {
                differences.add("expected " + want + "\n   but got " + got + "\n steady log:\n" + history(steady, want)
                        + " killed log:\n" + history(killed, want) + " counted (steady): "
                        + counted(steady, "steady-" + run) + "\n counted (killed): " + counted(killed, "killed-" + run));
            }
        }
        assertThat(differences).as("buckets that differ from the uninterrupted run (late-marked mention records: "
                + lateMarked(steady) + " steady, " + lateMarked(killed) + " killed)").isEmpty();
        // Alerts are decided online, contribution by contribution: when an alert fires, and whether a
        // marginal one fires at all, can differ with the order in which partitions happened to be
        // processed (between any two runs), and a series may alert again once its cool-down is over
        // (a week of event time, in a month of articles). What a restart must not do is lose or
        // repeat one: the planted change of tone alerts exactly once in both runs, and no alert
        // (one series, one recent window: one id) is written twice.
        String planted = "russia/_all/turning.example/_all NEGATIVE";
        List<ConsumerRecord<String, Alert>> killedAlerts = alerts(killed);
        assertThat(alertedSeries(alerts(steady))).as("alerts of the uninterrupted run").containsOnlyOnce(planted);
        assertThat(alertedSeries(killedAlerts)).as("alerts of the killed run").containsOnlyOnce(planted);
        assertThat(killedAlerts).extracting(r -> r.value().id())
                .as("ids of the alerts of the killed run:%n%s", alertWindows(killedAlerts))
                .doesNotHaveDuplicates();
    }

    private static Process startChild(String bootstrap, AnalyzeSettings settings, Path state) throws Exception {
        Path log = Path.of("target", "restart-child.log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path") + File.pathSeparator
                        + ParentWatchingMain.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                ParentWatchingMain.class.getName(), KilledJobMain.class.getName(),
                bootstrap, settings.applicationId(), settings.topics().articles().substring(KafkaTopics.ARTICLES.name().length()),
                state.toString(), Long.toString(SCORING_DELAY_MS))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until a third of the mentions are out and the aggregation has committed some buckets. */
    private static void awaitMidStream(KafkaTestTopics topics, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (topics.readRaw(topics.names().mentions()).size() < ARTICLES / 3
                || topics.readRaw(topics.names().stance()).size() < 200) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the child job did not get going (alive: " + child.isAlive() + ")");
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, StanceBucket> latestBuckets(KafkaTestTopics topics) {
        Map<String, StanceBucket> latest = new TreeMap<>();
        for (ConsumerRecord<String, StanceBucket> record : topics.readAll(topics.names().stance(),
                KafkaTopics.STANCE.valueSerde().deserializer())) {
            latest.put(record.key(), record.value());
        }
        return latest;
    }

    /** The mention records that could feed the bucket, in topic order, for a failure message. */
    private static String history(KafkaTestTopics topics, StanceBucket bucket) {
        StringBuilder out = new StringBuilder();
        Map<String, Boolean> relevant = new TreeMap<>();
        List<ConsumerRecord<String, Mention>> records = topics.readAll(topics.names().mentions(),
                KafkaTopics.MENTIONS.valueSerde().deserializer());
        for (ConsumerRecord<String, Mention> record : records) {
            Mention m = record.value();
            if (m != null && m.actor().equals(bucket.actor()) && !m.publishedAt().isBefore(bucket.windowStart())
                    && m.publishedAt().isBefore(bucket.windowEnd())) {
                relevant.put(record.key(), true);
            }
        }
        for (ConsumerRecord<String, Mention> record : records) {
            if (relevant.containsKey(record.key())) {
                Mention m = record.value();
                out.append("   ").append(record.partition()).append('@').append(record.offset()).append(' ')
                        .append(record.key(), 0, 8).append(m == null ? " TOMBSTONE" : " rev" + m.revision() + " "
                        + m.topics() + " " + m.score() + " copyOf=" + m.copyOf() + " art=" + m.articleId().substring(0, 8))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** Short ids of the mentions the aggregation's counted-mentions changelog holds. */
    private static java.util.Set<String> counted(KafkaTestTopics topics, String applicationId) {
        Map<String, Boolean> live = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : topics.readRaw(applicationId
                + "-aggregation-counted-mentions-changelog")) {
            live.put(record.key().substring(0, 8), record.value() != null);
        }
        live.values().removeIf(present -> !present);
        return live.keySet();
    }

    private static long lateMarked(KafkaTestTopics topics) {
        return topics.readRaw(topics.names().mentions()).stream()
                .filter(r -> MentionHeaders.isLate(r.headers())).count();
    }

    private static Map<String, Mention> liveMentions(KafkaTestTopics topics) {
        Map<String, Mention> live = new TreeMap<>();
        for (ConsumerRecord<String, Mention> record : topics.readAll(topics.names().mentions(),
                KafkaTopics.MENTIONS.valueSerde().deserializer())) {
            if (record.value() == null) {
                live.remove(record.key());
            } else {
                live.put(record.key(), record.value());
            }
        }
        return live;
    }

    private static List<ConsumerRecord<String, Alert>> alerts(KafkaTestTopics topics) {
        return topics.readAll(topics.names().alerts(), KafkaTopics.ALERTS.valueSerde().deserializer());
    }

    /** Each alert with its windows and counts, in topic order, for a failure message. */
    private static String alertWindows(List<ConsumerRecord<String, Alert>> alerts) {
        StringBuilder out = new StringBuilder();
        for (ConsumerRecord<String, Alert> r : alerts) {
            Alert a = r.value();
            out.append("  ").append(r.partition()).append('@').append(r.offset()).append(' ').append(a.id())
                    .append(" base ").append(a.baselineStart()).append(" recent ").append(a.windowStart()).append("..")
                    .append(a.windowEnd()).append(" n=").append(a.baselineCount()).append('/').append(a.recentCount())
                    .append(" z=").append(a.significance()).append(" at ").append(a.detectedAt()).append('\n');
        }
        return out.toString();
    }

    private static List<String> alertedSeries(List<ConsumerRecord<String, Alert>> alerts) {
        return alerts.stream()
                .map(ConsumerRecord::value)
                .map(a -> a.actor() + "/" + a.topic() + "/" + a.outlet() + "/" + a.holder() + " " + a.direction())
                .sorted().toList();
    }
}
