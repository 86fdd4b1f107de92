package org.stancewatch.analyze.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.shift.ShiftSettings;
import org.stancewatch.analyze.stream.support.Articles;
import org.stancewatch.analyze.stream.support.GroupProgress;
import org.stancewatch.analyze.stream.support.KafkaTopics;
import org.stancewatch.analyze.stream.support.TestScorers;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.Direction;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.json.Json;
import org.stancewatch.model.topic.Topics;

/**
 * The job with a scorer on a handful of hand-written articles about the reset
 * ({@code articles/reset-2011.jsonl}): a friendly fortnight in one outlet, then three hostile
 * days. Mentions, buckets and the alert come out as expected. The scorer is the one the system
 * property {@code stancewatch.test.scorer} names: {@code fake} by default, {@code corenlp} for
 * the real one.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class HandWrittenArticlesIT {
    record Written(String slug, String outlet, Instant publishedAt, String text) {}

    static final ShiftSettings FEW_ARTICLES = new ShiftSettings(Duration.ofDays(10), Duration.ofDays(4), 6, 4, 2.5, 0.2,
            Duration.ofDays(4), 2, 0.01, 3);

    static List<Article> articles() throws IOException {
        List<Article> articles = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                HandWrittenArticlesIT.class.getResourceAsStream("/articles/reset-2011.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Written w = Json.mapper().readValue(line, Written.class);
                articles.add(Articles.article(w.slug(), w.outlet(), w.publishedAt(), w.text()));
            }
        }
        return articles;
    }

    @Test
    void friendlyAndHostileArticlesGiveMentionsBucketsAndTheAlertExpected(EmbeddedServices services,
            @TempDir Path state) throws Exception {
        String run = "handwritten-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTopics topics = new KafkaTopics(services.kafkaBootstrapServers(), TopicNames.suffixed("." + run)).create(1);
        List<Article> articles = articles();
        topics.send(articles);
        StanceScorer scorer = TestScorers.fromProperty();
        AnalyzeSettings settings = AnalyzeSettings.defaults(services.kafkaBootstrapServers()).withApplicationId(run)
                .withTopics(topics.names()).withStateDir(state).withShift(FEW_ARTICLES)
                .withScoringTimeout(Duration.ofMinutes(5)).withProgressInterval(Duration.ZERO);

        try (AnalyzeJob job = AnalyzeJob.start(settings, scorer);
             Admin admin = Admin.create(Map.of("bootstrap.servers", services.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofMinutes(5)).until(() -> job.progress().articlesIn() == articles.size());
            GroupProgress.awaitCaughtUp(admin, settings, Duration.ofMinutes(3));
        }

        List<Mention> mentions = topics.readAll(topics.names().mentions(), Topics.MENTIONS.valueSerde().deserializer())
                .stream().map(ConsumerRecord::value).toList();
        Map<String, Double> russiaByArticle = mentions.stream().filter(m -> m.actor().equals("russia"))
                .collect(Collectors.groupingBy(Mention::url, Collectors.averagingDouble(Mention::score)));
        assertThat(russiaByArticle).hasSize(articles.size());
        for (Article article : articles) {
            boolean hostile = article.publishedAt().isAfter(Instant.parse("2011-03-11T00:00:00Z"));
            assertThat(russiaByArticle.get(article.url())).as("stance toward Russia in %s", article.title())
                    .matches(score -> hostile ? score < 0 : score > 0);
        }
        assertThat(mentions).allSatisfy(m -> assertThat(m.model()).isEqualTo(scorer.version()));

        Map<String, StanceBucket> buckets = topics.readAll(topics.names().stance(), Topics.STANCE.valueSerde()
                .deserializer()).stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> b));
        StanceBucket hostileDay = buckets.get(StanceBucket.idFor("russia", StanceBucket.ALL, StanceBucket.ALL,
                StanceBucket.ALL, "day", Instant.parse("2011-03-12T00:00:00Z")));
        StanceBucket friendlyDay = buckets.get(StanceBucket.idFor("russia", StanceBucket.ALL, "courier.example",
                StanceBucket.ALL, "day", Instant.parse("2011-03-01T00:00:00Z")));
        assertThat(hostileDay.count()).isPositive();
        assertThat(hostileDay.mean()).isNegative();
        assertThat(friendlyDay.mean()).isPositive();

        List<Alert> alerts = topics.readAll(topics.names().alerts(), Topics.ALERTS.valueSerde().deserializer())
                .stream().map(ConsumerRecord::value).toList();
        assertThat(alerts).filteredOn(a -> a.actor().equals("russia") && a.outlet().equals("courier.example"))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.direction()).isEqualTo(Direction.NEGATIVE);
                    assertThat(alert.windowEnd()).isAfter(Instant.parse("2011-03-12T00:00:00Z"));
                    assertThat(alert.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e.publishedAt())
                            .isAfter(Instant.parse("2011-03-11T00:00:00Z")));
                });
        assertThat(alerts).noneMatch(a -> a.outlet().equals("steady.example"));
    }
}
