package org.stancewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.publish.CrawlBatch;
import org.stancewatch.ingest.publish.KafkaOutput;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.StateKey;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.model.Article;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Forgetting across restarts of the whole crawler, against the embedded broker: each step is a
 * crawler opened on the state the previous one left in the crawl-state topic, its clock set
 * ahead of the real one (fetch times stay real).
 */
@ExtendWith(EmbeddedServicesExtension.class)
class CrawlerRetentionIT {
    private static final String VISIT = "/stories/medvedev-visit";
    private static final String FEED = "/feed.atom";

    @Test
    void aForgottenPageStaysForgottenAfterARestartAndComesBackAsTheSameArticle(EmbeddedServices services)
            throws Exception {
        try (FixtureServer site = FixtureServer.newsSite()) {
            String port = ":" + site.port() + "/";
            String visitUrl = site.url("wire.test", VISIT).toString();
            KafkaSettings kafka = KafkaSettings.of(services.kafkaBootstrapServers(), "retention-" + UUID.randomUUID());
            CrawlerConfig config = CrawlerConfig.kafka(site.sources(), kafka).withResolver(FixtureServer.resolver());
            Instant start = Instant.now();

            try (Crawler first = Crawler.open(config.withClock(at(start)))) {
                first.runOnce();
            }
            String visitId = readArticles(services, port, 10).stream().filter(a -> a.url().endsWith(VISIT))
                    .findFirst().orElseThrow().id();
            String feed = resource("/site/wire.test" + FEED);
            site.replace("wire.test", FEED, feed.replaceAll("(?s)<entry>(?:(?!</entry>).)*medvedev-visit.*?</entry>", ""));

            try (Crawler second = Crawler.open(config.withClock(at(start.plus(Duration.ofDays(31)))))) {
                assertThat(second.state().page("wire", visitUrl)).as("restored from the topic").isPresent();
                second.runOnce();
                assertThat(second.state().page("wire", visitUrl)).isEmpty();
            }

            site.replace("wire.test", FEED, feed);
            site.clearLog();
            CrawlState state;
            try (Crawler third = Crawler.open(config.withClock(at(start.plus(Duration.ofDays(32)))))) {
                assertThat(third.state().page("wire", visitUrl)).as("the tombstone was restored too").isEmpty();
                assertThat(third.state().article(visitId)).isEmpty();
                third.runOnce();
                assertThat(third.state().article(visitId)).isPresent();
                state = third.state();
            }
            forgetEverything(kafka, state, port);
            assertThat(site.requests("wire.test", VISIT)).singleElement()
                    .satisfies(request -> assertThat(request.ifNoneMatch()).as("fetched as new").isNull());
            List<Article> visits = readArticles(services, port, 11).stream().filter(a -> a.url().endsWith(VISIT)).toList();
            assertThat(visits).extracting(Article::id).containsExactly(visitId, visitId);
        }
    }

    /**
     * Tombstones for every page and article of this test's site: other tests crawl the same
     * fixture texts, and must not find this test's articles as their originals.
     */
    private static void forgetEverything(KafkaSettings kafka, CrawlState state, String port) throws Exception {
        CrawlBatch tombstones = new CrawlBatch();
        for (String source : List.of("wire", "herald", "gazette")) {
            state.forEachPage(source, page -> {
                if (page.url().contains(port)) {
                    tombstones.change(StateKey.page(source, page.url()), null);
                }
            });
            state.forEachArticle(source, article -> {
                if (article.canonicalUrl().contains(port)) {
                    tombstones.change(StateKey.article(source, article.id()), null);
                }
            });
        }
        try (KafkaOutput output = new KafkaOutput(kafka, state)) {
            output.commit(tombstones);
        }
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** The committed articles whose URL names this test's port; waits for {@code expected}, then a little more. */
    private static List<Article> readArticles(EmbeddedServices services, String port, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Article> articles = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                KafkaTopics.ARTICLES.valueSerde().deserializer())) {
            consumer.subscribe(Set.of(KafkaTopics.ARTICLES.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, Article> record : consumer.poll(Duration.ofMillis(300))) {
                    if (record.value() != null && record.value().url().contains(port)) {
                        articles.add(record.value());
                    }
                }
                if (articles.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return articles;
    }

    private static String resource(String path) throws IOException {
        try (var in = CrawlerRetentionIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
