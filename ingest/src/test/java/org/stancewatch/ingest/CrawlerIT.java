package org.stancewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.stancewatch.ingest.crawl.SourceStats;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.kafka.KafkaTopic;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * The crawler against the embedded Kafka broker and the fixture news site. Each test serves the
 * site on a port of its own, so its URLs, article ids and crawl state are its own, and only the
 * records naming its port are counted.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class CrawlerIT {
    private static final int FIXTURE_ARTICLES = 10;

    @Test
    void crawlsTheFixtureSiteIntoKafkaOnceRevisesChangedArticlesAndRemembersAcrossRestarts(EmbeddedServices services)
            throws Exception {
        String bootstrap = services.kafkaBootstrapServers();
        try (FixtureServer site = FixtureServer.newsSite()) {
            String port = ":" + site.port() + "/";
            KafkaSettings kafka = KafkaSettings.of(bootstrap, "it-" + UUID.randomUUID());
            CrawlerConfig config = CrawlerConfig.kafka(site.sources(), kafka).withResolver(FixtureServer.resolver());

            try (Crawler crawler = Crawler.open(config)) {
                crawler.runOnce();
            }
            List<Article> first = read(bootstrap, KafkaTopics.ARTICLES, port, FIXTURE_ARTICLES);
            assertThat(first).hasSize(FIXTURE_ARTICLES);
            assertThat(first).extracting(Article::id).doesNotHaveDuplicates();
            Article wire = only(first, "/stories/new-start-ratified");
            Article copy = only(first, "/2011/05/10/new-start-ratified/");
            assertThat(copy.copyOf()).isEqualTo(wire.id());
            assertThat(read(bootstrap, KafkaTopics.INGEST_DLQ, port, 4)).extracting(DeadLetter::reason)
                    .containsExactlyInAnyOrder("http-404", "http-410", "http-500", "not-html");

            // A restarted crawler reads its state back from the crawl-state topic: it asks
            // conditionally and publishes nothing new.
            site.clearLog();
            try (Crawler restarted = Crawler.open(config)) {
                List<SourceStats> second = restarted.runOnce();
                assertThat(second).allSatisfy(s -> assertThat(s.published()).isZero());
                assertThat(second.stream().mapToLong(SourceStats::notModified).sum()).isEqualTo(FIXTURE_ARTICLES);
            }
            assertThat(site.requests("herald.test", "/2011/03/17/reset-talks/")).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(304));
            assertThat(site.requests("herald.test", "/2011/03/18/gone/")).as("a 410 is not asked again").isEmpty();

            String page = resource("/site/herald.test/2011/03/17/reset-talks/index.html");
            site.replace("herald.test", "/2011/03/17/reset-talks/", page.replace("Analysts in Moscow were cautious.",
                    "Analysts in Moscow were cautious, and a correction followed."));
            try (Crawler third = Crawler.open(config)) {
                third.runOnce();
            }
            List<Article> all = read(bootstrap, KafkaTopics.ARTICLES, port, FIXTURE_ARTICLES + 1);
            assertThat(all).hasSize(FIXTURE_ARTICLES + 1);
            assertThat(all.stream().filter(a -> a.url().endsWith("/2011/03/17/reset-talks/")))
                    .extracting(Article::revision).containsExactly(1, 2);
        }
    }

    @Test
    void twoInstancesShareTheSourcesAndPublishEachArticleOnce(EmbeddedServices services) throws Exception {
        String bootstrap = services.kafkaBootstrapServers();
        try (FixtureServer site = FixtureServer.newsSite()) {
            String port = ":" + site.port() + "/";
            CrawlerConfig one = CrawlerConfig.kafka(site.sources(), KafkaSettings.of(bootstrap, "one-" + UUID.randomUUID()))
                    .withResolver(FixtureServer.resolver());
            CrawlerConfig two = CrawlerConfig.kafka(site.sources(), KafkaSettings.of(bootstrap, "two-" + UUID.randomUUID()))
                    .withResolver(FixtureServer.resolver());
            try (Crawler a = Crawler.open(one); Crawler b = Crawler.open(two)) {
                // let the group settle with both members before crawling
                Thread.sleep(3000);
                List<SourceStats> ranA = a.runOnce();
                List<SourceStats> ranB = b.runOnce();
                List<String> sources = new ArrayList<>();
                ranA.forEach(s -> sources.add(s.source()));
                ranB.forEach(s -> sources.add(s.source()));
                assertThat(sources).as("every source run by exactly one instance")
                        .containsExactlyInAnyOrder("wire", "herald", "gazette");
            }
            List<Article> articles = read(bootstrap, KafkaTopics.ARTICLES, port, FIXTURE_ARTICLES);
            assertThat(articles).hasSize(FIXTURE_ARTICLES);
            assertThat(articles).extracting(Article::id).doesNotHaveDuplicates();
        }
    }

    private static Article only(List<Article> articles, String path) {
        return articles.stream().filter(a -> a.url().endsWith(path)).findFirst().orElseThrow();
    }

    /** The committed records of a topic whose URL names this test's port; waits for {@code expected}, then a little more. */
    private static <V> List<V> read(String bootstrap, KafkaTopic<String, V> topic, String port, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<V> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(Set.of(topic.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(300))) {
                    String subject = record.value() instanceof Article a ? a.url()
                            : record.value() instanceof DeadLetter d ? d.subject() : "";
                    if (subject.contains(port)) {
                        values.add(record.value());
                    }
                }
                if (values.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos(); // no duplicates trailing
                }
            }
        }
        return values;
    }

    private static String resource(String path) throws IOException {
        try (var in = CrawlerIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
