package org.stancewatch.analyze.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stancewatch.analyze.stream.support.Articles.article;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.analyze.stream.monitor.JobState;
import org.stancewatch.analyze.stream.support.JobStates;
import org.stancewatch.analyze.stream.support.KafkaTestTopics;
import org.stancewatch.analyze.stream.support.KeywordStanceScorer;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.kafka.KafkaTopicNames;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * The job on a real broker: bad records of every kind go to the dead-letter topic with their
 * reason, from both applications (the aggregation one exactly-once), and the job keeps running
 * and aggregating what is good.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class AnalyzeJobIT {
    static final Instant T = Instant.parse("2011-03-01T10:00:00Z");

    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheJobKeepsRunning(EmbeddedServices services,
            @TempDir Path state) throws Exception {
        String run = "it-dlq-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestTopics topics = new KafkaTestTopics(services.kafkaBootstrapServers(),
                KafkaTopicNames.ofAnalyze().suffixed("." + run)).create(2);
        AnalyzeSettings settings = AnalyzeSettings.defaults(services.kafkaBootstrapServers())
                .withApplicationId(run).withTopics(topics.names()).withStateDir(state)
                .withScoringTimeout(Duration.ofSeconds(1)).withProgressInterval(Duration.ZERO);

        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            articles.add(article("good-" + i, "daily.example", T.plus(Duration.ofHours(i)),
                    "Moscow welcomed the talks. NATO agreed on missile defense."));
        }
        articles.add(article("failing", "daily.example", T, "Moscow said something. [[fail]]"));
        articles.add(article("hanging", "daily.example", T, "Moscow said something. [[hang]]"));
        topics.sendRaw(topics.names().articles(), "poison-article", "not json at all".getBytes(StandardCharsets.UTF_8));
        topics.sendRaw(topics.names().mentions(), "poison-mention", "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8));
        topics.send(articles);

        try (AnalyzeJob job = AnalyzeJob.start(settings, new KeywordStanceScorer())) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    topics.readAll(topics.names().deadLetters(), KafkaTopics.ANALYZE_DLQ.valueSerde().deserializer()).size() >= 4
                            && dayBucket(topics).map(StanceBucket::count).orElse(0L) == 14);

            List<DeadLetter> letters = topics.readAll(topics.names().deadLetters(),
                    KafkaTopics.ANALYZE_DLQ.valueSerde().deserializer()).stream().map(ConsumerRecord::value).toList();
            assertThat(letters).extracting(DeadLetter::reason).containsExactlyInAnyOrder(
                    "malformed-record", "malformed-record", "scoring-failed", "scoring-timeout");
            assertThat(letters).filteredOn(letter -> letter.subject().startsWith(topics.names().mentions()))
                    .singleElement().satisfies(letter -> assertThat(letter.payload()).isEqualTo("{\"schemaVersion\":1}"));
            assertThat(letters).filteredOn(letter -> letter.reason().equals("scoring-timeout"))
                    .singleElement().satisfies(letter -> assertThat(letter.payload()).contains("hanging"));
            JobStates.assertSettlesRunning(job);
            assertThat(job.progress().deadLetterCount()).isEqualTo(4);
            assertThat(job.progress().articlesIn()).isEqualTo(22);
            // day 1 holds hours 10..23 of the 20 good articles: 14, the failed ones add nothing
            assertThat(dayBucket(topics).orElseThrow().mean()).isEqualTo(0.4);
        }
    }

    @Test
    void articlesOfAnAbortedCrawlerTransactionAreNeverScored(EmbeddedServices services, @TempDir Path state)
            throws Exception {
        String run = "it-abort-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestTopics topics = new KafkaTestTopics(services.kafkaBootstrapServers(),
                KafkaTopicNames.ofAnalyze().suffixed("." + run)).create(1);
        AnalyzeSettings settings = AnalyzeSettings.defaults(services.kafkaBootstrapServers())
                .withApplicationId(run).withTopics(topics.names()).withStateDir(state)
                .withProgressInterval(Duration.ZERO);
        Article aborted = article("aborted", "daily.example", T, "Moscow welcomed the talks.");
        Article committed = article("committed", "daily.example", T.plus(Duration.ofHours(1)),
                "Moscow welcomed the talks.");
        topics.sendAborted(List.of(aborted));
        topics.send(List.of(committed));

        try (AnalyzeJob job = AnalyzeJob.start(settings, new KeywordStanceScorer())) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    !topics.readAll(topics.names().mentions(), KafkaTopics.MENTIONS.valueSerde().deserializer()).isEmpty());
            // the aborted article sits before the committed one in the log: had it been read, it came first
            assertThat(topics.readAll(topics.names().mentions(), KafkaTopics.MENTIONS.valueSerde().deserializer()))
                    .filteredOn(record -> record.value() != null).extracting(record -> record.value().articleId())
                    .containsOnly(committed.id()).doesNotContain(aborted.id());
            assertThat(job.progress().articlesIn()).isEqualTo(1);
        }
    }

    @Test
    void aMentionTooLargeForItsTopicSendsItsArticleToTheDeadLetterTopicAndARefusedDeadLetterIsCountedNotLooped(
            EmbeddedServices services, @TempDir Path state) throws Exception {
        String run = "it-refused-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestTopics topics = new KafkaTestTopics(services.kafkaBootstrapServers(),
                KafkaTopicNames.ofAnalyze().suffixed("." + run))
                .create(1);
        topics.limitRecordSize(topics.names().mentions(), 1_500).limitRecordSize(topics.names().deadLetters(), 12_000);
        AnalyzeSettings settings = AnalyzeSettings.defaults(services.kafkaBootstrapServers())
                .withApplicationId(run).withTopics(topics.names()).withStateDir(state)
                .withProgressInterval(Duration.ZERO);
        // each article's one sentence becomes its mention's evidence: these two are too large for the topic
        Article big = article("big", "daily.example", T, "Moscow welcomed " + "the talks and ".repeat(85) + "more.");
        Article huge = article("huge", "daily.example", T, "Moscow welcomed " + "the talks and ".repeat(1_000) + "more.");
        Article small = article("small", "daily.example", T.plus(Duration.ofHours(1)), "Moscow welcomed the talks.");
        topics.send(List.of(big, huge, small));

        try (AnalyzeJob job = AnalyzeJob.start(settings, new KeywordStanceScorer())) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    job.counters().deadLettersLost() == 1 && !topics.readAll(topics.names().mentions(),
                            KafkaTopics.MENTIONS.valueSerde().deserializer()).isEmpty());

            assertThat(topics.readAll(topics.names().mentions(), KafkaTopics.MENTIONS.valueSerde().deserializer()))
                    .extracting(record -> record.value().articleId()).containsExactly(small.id());
            assertThat(topics.readAll(topics.names().deadLetters(), KafkaTopics.ANALYZE_DLQ.valueSerde().deserializer()))
                    .extracting(ConsumerRecord::value).singleElement().satisfies(letter -> {
                        assertThat(letter.reason()).isEqualTo("record-too-large");
                        assertThat(letter.payload()).contains(big.id());
                    });
            JobStates.assertSettlesRunning(job);
            assertThat(job.progress().line()).contains("1 LOST");
        }
    }

    @Test
    void anArticleOfANewerSchemaVersionWaitsForAnUpgradedJobInsteadOfGoingToTheDeadLetterTopic(
            EmbeddedServices services, @TempDir Path state) throws Exception {
        String run = "it-newer-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestTopics topics = new KafkaTestTopics(services.kafkaBootstrapServers(),
                KafkaTopicNames.ofAnalyze().suffixed("." + run)).create(1);
        AnalyzeSettings settings = AnalyzeSettings.defaults(services.kafkaBootstrapServers())
                .withApplicationId(run).withTopics(topics.names()).withStateDir(state)
                .withProgressInterval(Duration.ZERO);
        Article newer = article("newer", "daily.example", T, "Moscow welcomed the talks.");
        topics.sendRaw(topics.names().articles(), newer.id(), org.stancewatch.model.json.Codecs.ARTICLE
                .writeString(newer).replace("\"schemaVersion\":1", "\"schemaVersion\":99")
                .getBytes(StandardCharsets.UTF_8));
        topics.send(List.of(article("after", "daily.example", T.plus(Duration.ofHours(1)), "Moscow welcomed it.")));

        try (AnalyzeJob job = AnalyzeJob.start(settings, new KeywordStanceScorer())) {
            // well past one wait, after which the replaced thread reads the record again
            Thread.sleep(2 * AnalyzeJob.NEWER_RECORD_WAIT.toMillis() + 10_000);

            assertThat(topics.readAll(topics.names().deadLetters(), KafkaTopics.ANALYZE_DLQ.valueSerde().deserializer()))
                    .isEmpty();
            assertThat(topics.readAll(topics.names().mentions(), KafkaTopics.MENTIONS.valueSerde().deserializer()))
                    .isEmpty(); // the article after it waits too: order within the partition holds
            assertThat(job.state()).isNotIn(JobState.FAILED, JobState.STOPPED);
        }
    }

    private static java.util.Optional<StanceBucket> dayBucket(KafkaTestTopics topics) {
        String id = StanceBucket.idFor("russia", StanceBucket.ALL, StanceBucket.ALL, StanceBucket.ALL, "day",
                Instant.parse("2011-03-01T00:00:00Z"));
        StanceBucket latest = null;
        for (ConsumerRecord<String, StanceBucket> record : topics.readAll(topics.names().stance(),
                KafkaTopics.STANCE.valueSerde().deserializer())) {
            if (record.key().equals(id)) {
                latest = record.value();
            }
        }
        return java.util.Optional.ofNullable(latest);
    }
}
