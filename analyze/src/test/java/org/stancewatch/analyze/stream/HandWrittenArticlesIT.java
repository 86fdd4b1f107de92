package org.stancewatch.analyze.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.analyze.StanceModels;
import org.stancewatch.analyze.stance.CoreNlpStanceScorer;
import org.stancewatch.analyze.stream.shift.ShiftSettings;
import org.stancewatch.analyze.stream.support.Articles;
import org.stancewatch.analyze.stream.support.GroupProgress;
import org.stancewatch.analyze.stream.support.KafkaTestTopics;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.Direction;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.json.Json;
import org.stancewatch.model.kafka.KafkaTopicNames;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * The job with the real CoreNLP scorer on a handful of hand-written articles about the reset
 * ({@code articles/reset-2011.jsonl}): a friendly week toward Russia in one outlet, one
 * friendly article in another, then three hostile days in the first (from the 12th of March, so
 * that the alert's recent window holds only them). Every sentence names Russia
 * (as Russia, Moscow, the Kremlin or Medvedev) with an unmistakable stance in the outlet's voice
 * or in a named holder's ("Washington thanked Moscow ...", "NATO condemned Russia's ..."), so the
 * expectations hold for any reasonable stance model, not only for today's weights. Mentions,
 * buckets (which must add up to the mentions) and the one alert come out as expected.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class HandWrittenArticlesIT {
    record Written(String slug, String outlet, Instant publishedAt, String text) {}

    static final Instant TURN = Instant.parse("2011-03-11T00:00:00Z");
    static final String COURIER = "courier.example";
    static final String ALL = StanceBucket.ALL;

    /** Thresholds for a series of a few articles: baseline 10 days, recent 4, at least 6 and 4 mentions. */
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
    void friendlyThenHostileArticlesGiveTheirMentionsMatchingBucketsAndOneNegativeAlert(EmbeddedServices services,
            @TempDir Path state) throws Exception {
        String run = "handwritten-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestTopics topics = new KafkaTestTopics(services.kafkaBootstrapServers(),
                KafkaTopicNames.ofAnalyze().suffixed("." + run)).create(1);
        List<Article> articles = articles();
        topics.send(articles);
        // Not kept in a static field: the IT classes share one JVM, and the scorer's models take 1 GB of it.
        CoreNlpStanceScorer scorer = CoreNlpStanceScorer.fromFiles(null, null, () -> StanceModels.load(StanceModels.DEFAULT));
        AnalyzeSettings settings = AnalyzeSettings.defaults(services.kafkaBootstrapServers()).withApplicationId(run)
                .withTopics(topics.names()).withStateDir(state).withShift(FEW_ARTICLES)
                .withScoringTimeout(Duration.ofMinutes(5)).withProgressInterval(Duration.ZERO);

        try (AnalyzeJob job = AnalyzeJob.start(settings, scorer);
             Admin admin = Admin.create(Map.of("bootstrap.servers", services.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofMinutes(5)).until(() -> job.progress().articlesIn() == articles.size());
            GroupProgress.awaitCaughtUp(admin, settings, Duration.ofMinutes(3));
            assertThat(job.progress().deadLetterCount()).as("dead letters").isZero();
        }

        // Mentions: the last value under each id (scoring is at-least-once; a repeat is the same mention).
        Map<String, Mention> byId = new LinkedHashMap<>();
        topics.readAll(topics.names().mentions(), KafkaTopics.MENTIONS.valueSerde().deserializer())
                .forEach(record -> byId.put(record.key(), record.value()));
        List<Mention> mentions = byId.values().stream().filter(m -> m != null).toList();
        assertThat(byId).as("no mention retracted").doesNotContainValue(null);
        assertThat(mentions).allSatisfy(m -> {
            assertThat(m.model()).isEqualTo(scorer.version());
            assertThat(m.id()).isEqualTo(Mention.idFor(m.articleId(), m.sentenceIndex(), m.actor()));
        });
        Map<String, Double> russiaByArticle = mentions.stream().filter(m -> m.actor().equals("russia"))
                .collect(Collectors.groupingBy(Mention::url, Collectors.averagingDouble(Mention::score)));
        assertThat(russiaByArticle).hasSize(articles.size());
        for (Article article : articles) {
            boolean hostile = article.publishedAt().isAfter(TURN);
            assertThat(russiaByArticle.get(article.url())).as("stance toward Russia in %s", article.title())
                    .matches(score -> hostile ? score < 0 : score > 0);
        }
        // Stances held by someone other than the outlet: the US toward Russia, thanks and then accusations.
        assertThat(mentions).filteredOn(m -> m.actor().equals("russia") && m.holder().equals("us"))
                .extracting(m -> m.publishedAt().isAfter(TURN), m -> m.score() > 0)
                .contains(tuple(false, true), tuple(true, false));

        Map<String, StanceBucket> buckets = topics.readAll(topics.names().stance(), KafkaTopics.STANCE.valueSerde()
                .deserializer()).stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> b));
        // Every day of Russia in the courier: the bucket holds exactly that day's mentions.
        Map<Instant, List<Mention>> courierDays = mentions.stream()
                .filter(m -> m.actor().equals("russia") && m.outlet().equals(COURIER))
                .collect(Collectors.groupingBy(m -> m.publishedAt().truncatedTo(ChronoUnit.DAYS)));
        assertThat(courierDays).hasSize(8);
        courierDays.forEach((day, dayMentions) -> {
            StanceBucket bucket = buckets.get(StanceBucket.idFor("russia", ALL, COURIER, ALL, "day", day));
            assertThat(bucket).as("russia in %s on %s", COURIER, day).isNotNull();
            assertThat(bucket.count()).isEqualTo(dayMentions.size());
            assertThat(bucket.sum()).isCloseTo(dayMentions.stream().mapToDouble(Mention::score).sum(),
                    offset(1e-9));
            assertThat(bucket.mean()).as("mean on %s", day).matches(mean -> day.isAfter(TURN) ? mean < 0 : mean > 0);
        });
        // Across outlets: the hostile day is negative; the other outlet's friendly day stays its own.
        assertThat(buckets.get(StanceBucket.idFor("russia", ALL, ALL, ALL, "day", Instant.parse("2011-03-12T00:00:00Z")))
                .mean()).isNegative();
        assertThat(buckets.get(StanceBucket.idFor("russia", ALL, "steady.example", ALL, "day",
                Instant.parse("2011-03-10T00:00:00Z"))).mean()).isPositive();
        // The holder -> target series: NATO's view of Russia, friendly on the 4th, hostile on the 12th.
        assertThat(buckets.get(StanceBucket.idFor("russia", ALL, ALL, "nato", "day", Instant.parse("2011-03-04T00:00:00Z")))
                .mean()).isPositive();
        assertThat(buckets.get(StanceBucket.idFor("russia", ALL, ALL, "nato", "day", Instant.parse("2011-03-12T00:00:00Z")))
                .mean()).isNegative();

        List<Alert> alerts = topics.readAll(topics.names().alerts(), KafkaTopics.ALERTS.valueSerde().deserializer())
                .stream().map(ConsumerRecord::value).toList();
        Set<String> hostileUrls = articles.stream().filter(a -> a.publishedAt().isAfter(TURN)).map(Article::url)
                .collect(Collectors.toSet());
        assertThat(alerts).filteredOn(a -> a.actor().equals("russia") && a.outlet().equals(COURIER)
                        && a.topic().equals(ALL) && a.holder().equals(ALL))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.direction()).isEqualTo(Direction.NEGATIVE);
                    assertThat(alert.baselineMean()).isPositive();
                    assertThat(alert.recentMean()).isNegative();
                    assertThat(alert.windowEnd()).isAfter(Instant.parse("2011-03-12T00:00:00Z"));
                    assertThat(alert.evidence()).isNotEmpty().extracting(Evidence::url).allMatch(hostileUrls::contains);
                    assertThat(alert.evidence()).allSatisfy(e -> assertThat(e.score()).isNegative());
                });
        assertThat(alerts).as("one article is no baseline").noneMatch(a -> a.outlet().equals("steady.example"));
    }
}
