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
import org.stancewatch.analyze.stream.support.Corpus;
import org.stancewatch.analyze.stream.support.GroupProgress;
import org.stancewatch.analyze.stream.support.KafkaTopics;
import org.stancewatch.analyze.stream.support.KeywordStanceScorer;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.child.ParentWatchingMain;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.topic.Topics;

/**
 * Kills the job (SIGKILL, its JVM gone mid-stream) and starts it again: the final aggregates and
 * alerts equal those of a run that was never interrupted, on the same articles.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class RestartIT {
    static final int ARTICLES = 400;
    static final long SCORING_DELAY_MS = 15;

    static AnalyzeSettings settings(String bootstrap, String applicationId, String suffix, Path state) {
        return AnalyzeSettings.defaults(bootstrap).withApplicationId(applicationId)
                .withTopics(TopicNames.suffixed(suffix)).withStateDir(state).withThreads(2, 2)
                .withProgressInterval(Duration.ofSeconds(5));
    }

    @Test
    void aJobKilledMidStreamAndRestartedEndsWithTheAggregatesOfAnUninterruptedRun(EmbeddedServices services,
            @TempDir Path steadyState, @TempDir Path killedState) throws Exception {
        String bootstrap = services.kafkaBootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Article> articles = Corpus.generate(42, ARTICLES, Instant.parse("2011-01-03T00:00:00Z"), Duration.ofDays(28));

        KafkaTopics steady = new KafkaTopics(bootstrap, TopicNames.suffixed(".steady-" + run)).create(3);
        KafkaTopics killed = new KafkaTopics(bootstrap, TopicNames.suffixed(".killed-" + run)).create(3);
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

        Map<String, StanceBucket> expected = latestBuckets(steady);
        Map<String, StanceBucket> actual = latestBuckets(killed);
        assertThat(expected).isNotEmpty();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String id : expected.keySet()) {
            StanceBucket want = expected.get(id);
            StanceBucket got = actual.get(id);
            assertThat(got.count()).as("count of %s", id).isEqualTo(want.count());
            assertThat(got.positive() + "/" + got.neutral() + "/" + got.negative()).as("polarities of %s", id)
                    .isEqualTo(want.positive() + "/" + want.neutral() + "/" + want.negative());
            assertThat(got.sum()).as("sum of %s", id).isCloseTo(want.sum(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(got.weight()).as("weight of %s", id).isCloseTo(want.weight(), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(alertIds(steady)).as("the planted change of tone raises alerts").isNotEmpty();
        assertThat(alertIds(killed)).isEqualTo(alertIds(steady));
    }

    private static Process startChild(String bootstrap, AnalyzeSettings settings, Path state) throws Exception {
        Path log = state.resolve("child.log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path") + File.pathSeparator
                        + ParentWatchingMain.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                ParentWatchingMain.class.getName(), KilledJobMain.class.getName(),
                bootstrap, settings.applicationId(), settings.topics().articles().substring(Topics.ARTICLES.name().length()),
                state.toString(), Long.toString(SCORING_DELAY_MS))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until a third of the mentions are out and the aggregation has committed some buckets. */
    private static void awaitMidStream(KafkaTopics topics, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (topics.readRaw(topics.names().mentions()).size() < ARTICLES / 3
                || topics.readRaw(topics.names().stance()).size() < 200) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the child job did not get going (alive: " + child.isAlive() + ")");
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, StanceBucket> latestBuckets(KafkaTopics topics) {
        Map<String, StanceBucket> latest = new TreeMap<>();
        for (ConsumerRecord<String, StanceBucket> record : topics.readAll(topics.names().stance(),
                Topics.STANCE.valueSerde().deserializer())) {
            latest.put(record.key(), record.value());
        }
        return latest;
    }

    private static List<String> alertIds(KafkaTopics topics) {
        return topics.readAll(topics.names().alerts(), Topics.ALERTS.valueSerde().deserializer()).stream()
                .map(ConsumerRecord::value).map(Alert::id).sorted().toList();
    }
}
