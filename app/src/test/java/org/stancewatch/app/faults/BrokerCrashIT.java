package org.stancewatch.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.analyze.stream.AnalyzeJob;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.app.demo.DemoArticle;
import org.stancewatch.app.demo.DemoContent;
import org.stancewatch.app.demo.DemoRun;
import org.stancewatch.app.demo.DemoSiteServer;
import org.stancewatch.app.pipeline.ClusterKafkaTopics;
import org.stancewatch.app.pipeline.Pipeline;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.ingest.Crawler;
import org.stancewatch.ingest.CrawlerConfig;
import org.stancewatch.ingest.dedup.UrlCanonicalizer;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.kafka.KafkaTopicNames;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * A broker of a three-broker cluster lost while the crawler publishes the demo site in
 * transactions and the analyze job aggregates exactly-once, then brought back: no article is
 * lost or published twice, every mention is there once, and the stance buckets equal those
 * that the same articles give on the healthy cluster.
 *
 * <p>The demo site is crawled month by month, as {@code stancewatch demo} does, so the crawl
 * lasts long enough for the outage to fall in its middle. The indexer is left out: it reads
 * the same committed records as the analysis, and its own crash is {@code IndexerCrashIT}'s.
 */
@Tag("fault")
@Tag("slow")
class BrokerCrashIT {
    private static final short REPLICAS = ReplicatedCluster.REPLICAS;
    private static final int PARTITIONS = 3;
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    /** The outage starts as the crawl reaches this far into the site's months. */
    private static final double OUTAGE_AT = 0.3;

    private final DemoContent content = DemoContent.load(DemoContent.BUNDLED);
    private final KeywordScorer scorer = new KeywordScorer();

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aBrokerLostMidCrawlLosesNoArticleRepeatsNoneAndLeavesTheAggregatesOfAHealthyRun(@TempDir Path dir)
            throws Exception {
        long started = System.nanoTime();
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir.resolve("kafka"));
             DemoSiteServer site = DemoSiteServer.start(content)) {
            String bootstrap = cluster.bootstrapServers();
            Admin admin = cluster.admin();
            ClusterKafkaTopics.ensure(admin, bootstrap, PARTITIONS, REPLICAS);
            cluster.awaitReady(List.of(KafkaTopics.ARTICLES.name(), KafkaTopics.CRAWL_STATE.name()), Duration.ofSeconds(30));
            assertThat(minInSync(admin, KafkaTopics.ARTICLES.name())).isEqualTo(ReplicatedCluster.MIN_IN_SYNC);

            // the demo's own sources and host names; Elasticsearch is named but never reached
            Pipeline.Settings demo = new DemoRun(site, System.out)
                    .settings(bootstrap, ElasticsearchSettings.of("http://127.0.0.1:9"), dir.resolve("unused"));
            AnalyzeSettings faulty = analyzeSettings(demo.analyze(), "faulty", KafkaTopicNames.ofAnalyze(), dir);
            KafkaSettings kafka = new KafkaSettings(bootstrap, Map.of(), "broker-crash", false, PARTITIONS, REPLICAS);
            List<String> pipelineTopics = List.of(KafkaTopics.ARTICLES.name(), KafkaTopics.MENTIONS.name(),
                    KafkaTopics.STANCE.name(),
                    KafkaTopics.CRAWL_STATE.name());

            Outage outage;
            try (AnalyzeJob job = AnalyzeJob.start(faulty, scorer);
                 Crawler crawler = Crawler.open(CrawlerConfig.kafka(demo.sources(), kafka).withResolver(demo.resolver()))) {
                int victim = cluster.busiestLeader(pipelineTopics);
                outage = crawlMonthByMonth(site, crawler, () -> Outage.begin(cluster, victim, OUTAGE));
                outage.awaitEnd(Duration.ofMinutes(2));
                crawlUntilComplete(crawler, bootstrap);
                cluster.awaitFullyReplicated(pipelineTopics, Duration.ofMinutes(2));
                AnalysisLag.awaitCaughtUp(admin, faulty, Duration.ofMinutes(3));
            }

            // every article of the site once, in the committed view the analysis and the indexer read
            List<Article> articles = values(KafkaTopicContents.read(bootstrap, KafkaTopics.ARTICLES.name(),
                    KafkaTopics.ARTICLES.valueSerde().deserializer(), IsolationLevel.READ_COMMITTED));
            assertThat(articles).extracting(Article::id).doesNotHaveDuplicates();
            assertThat(articles).extracting(Article::revision).containsOnly(1);
            assertThat(articles.stream().map(a -> UrlCanonicalizer.canonicalize(a.canonicalUrl())).collect(Collectors.toSet()))
                    .isEqualTo(content.articles().stream()
                            .map(a -> UrlCanonicalizer.canonicalize(site.canonicalUrlOf(a))).collect(Collectors.toSet()));

            // every mention the scorer finds in them, once, with the same value however often it was written
            List<ConsumerRecord<String, Mention>> mentionRecords = KafkaTopicContents.read(bootstrap, KafkaTopics.MENTIONS.name(),
                    KafkaTopics.MENTIONS.valueSerde().deserializer(), IsolationLevel.READ_COMMITTED);
            Map<String, Mention> expectedMentions = new TreeMap<>();
            articles.forEach(a -> scorer.score(a).forEach(m -> expectedMentions.put(m.id(), m)));
            assertThat(liveMentions(mentionRecords)).isEqualTo(expectedMentions);

            // the buckets equal those of the same articles analysed with every broker up
            AnalyzeSettings healthy = analyzeSettings(demo.analyze(), "healthy",
                    KafkaTopicNames.ofAnalyze().suffixed(".healthy"), dir);
            copyArticles(cluster, articles(bootstrap), healthy.topics());
            try (AnalyzeJob job = AnalyzeJob.start(healthy, scorer)) {
                AnalysisLag.awaitCaughtUp(admin, healthy, Duration.ofMinutes(3));
            }
            Map<String, StanceBucket> afterOutage = latestBuckets(bootstrap, faulty.topics().stance());
            Map<String, StanceBucket> reference = latestBuckets(bootstrap, healthy.topics().stance());
            assertThat(reference).isNotEmpty();
            assertThat(differences(reference, afterOutage)).isEmpty();
            assertThat(russiaTotal(afterOutage)).as("Russia's daily buckets add up to its mentions in originals")
                    .isEqualTo(expectedMentions.values().stream()
                            .filter(m -> m.actor().equals("russia") && m.copyOf() == null).count());

            System.out.printf("broker crash: broker %d down %s, back %s; %d articles, %d mentions (%d records), "
                            + "%d buckets equal; %d s in all%n", outage.broker(), outage.stoppedAt(), outage.restartedAt(),
                    articles.size(), expectedMentions.size(), mentionRecords.size(), reference.size(),
                    (System.nanoTime() - started) / 1_000_000_000);
        }
    }

    /**
     * Publishes the site month by month and crawls after each (as the demo does), starting the
     * outage in a thread of its own once {@link #OUTAGE_AT} of the months are out, so that it
     * falls among the crawler's transactions.
     */
    private Outage crawlMonthByMonth(DemoSiteServer site, Crawler crawler, java.util.function.Supplier<Outage> outage)
            throws InterruptedException {
        List<DemoArticle> all = content.articles();
        site.hold(all);
        YearMonth first = month(all.getFirst().published());
        YearMonth last = month(all.getLast().published());
        long months = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        Outage begun = null;
        int index = 0;
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1), index++) {
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            all.stream().filter(a -> a.published().isBefore(end)).forEach(site::release);
            if (begun == null && index >= OUTAGE_AT * months) {
                begun = outage.get();
            }
            crawler.runOnce();
        }
        return begun;
    }

    /** Runs the crawler again until every article is out: a run that could not publish leaves its pages to the next. */
    private void crawlUntilComplete(Crawler crawler, String bootstrap) throws InterruptedException {
        for (int run = 0; run < 5 && articles(bootstrap).size() < content.articles().size(); run++) {
            crawler.runOnce();
        }
    }

    private static AnalyzeSettings analyzeSettings(AnalyzeSettings demo, String id, KafkaTopicNames topics, Path dir) {
        return demo.withApplicationId(id).withTopics(topics).withStateDir(dir.resolve("streams-" + id))
                .withThreads(1, 1)
                // nothing counts as late, whatever order the articles arrive in: the runs compare buckets
                .withGrace(Duration.ofDays(3650)).withReorderAllowance(Duration.ofDays(3650))
                .withStreamsOverrides(Map.of("replication.factor", Short.toString(REPLICAS)));
    }

    private static List<ConsumerRecord<String, Article>> articles(String bootstrap) {
        return KafkaTopicContents.read(bootstrap, KafkaTopics.ARTICLES.name(), KafkaTopics.ARTICLES.valueSerde().deserializer(),
                IsolationLevel.READ_COMMITTED);
    }

    /** The committed articles, each into the same partition of the healthy run's topics, in the same order. */
    private static void copyArticles(ReplicatedCluster cluster, List<ConsumerRecord<String, Article>> articles,
                                     KafkaTopicNames topics) throws Exception {
        List<NewTopic> created = new ArrayList<>();
        for (String name : List.of(topics.articles(), topics.mentions(), topics.stance(), topics.alerts(),
                topics.deadLetters())) {
            created.add(new NewTopic(name, PARTITIONS, REPLICAS).configs(Map.of("retention.ms", "-1")));
        }
        cluster.admin().createTopics(created).all().get(30, TimeUnit.SECONDS);
        cluster.awaitReady(created.stream().map(NewTopic::name).toList(), Duration.ofSeconds(30));
        Map<String, Object> config = Map.of("bootstrap.servers", cluster.bootstrapServers(), "acks", "all",
                "enable.idempotence", true);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(config,
                KafkaTopics.ARTICLES.keySerde().serializer(), KafkaTopics.ARTICLES.valueSerde().serializer())) {
            for (ConsumerRecord<String, Article> record : articles) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topics.articles(), record.partition(),
                        record.timestamp(), record.key(), record.value())).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Map<String, Mention> liveMentions(List<ConsumerRecord<String, Mention>> records) {
        Map<String, Mention> live = new TreeMap<>();
        for (ConsumerRecord<String, Mention> record : records) {
            if (record.value() == null) {
                live.remove(record.key());
            } else {
                live.put(record.key(), record.value());
            }
        }
        return live;
    }

    private static Map<String, StanceBucket> latestBuckets(String bootstrap, String topic) {
        Map<String, StanceBucket> latest = new TreeMap<>();
        KafkaTopicContents.read(bootstrap, topic, KafkaTopics.STANCE.valueSerde().deserializer(), IsolationLevel.READ_COMMITTED)
                .forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    /** Buckets missing on one side or holding other figures (sums compared to 1e-9: added in another order). */
    private static List<String> differences(Map<String, StanceBucket> expected, Map<String, StanceBucket> actual) {
        List<String> differences = new ArrayList<>();
        Set<String> ids = new java.util.TreeSet<>(expected.keySet());
        ids.addAll(actual.keySet());
        for (String id : ids) {
            StanceBucket want = expected.get(id);
            StanceBucket got = actual.get(id);
            if (want == null || got == null || got.count() != want.count() || got.positive() != want.positive()
                    || got.negative() != want.negative() || got.neutral() != want.neutral()
                    || Math.abs(got.sum() - want.sum()) > 1e-9 || Math.abs(got.weight() - want.weight()) > 1e-9
                    || Math.abs(got.mean() - want.mean()) > 1e-9) {
                differences.add(id + ": healthy " + want + ", after the outage " + got);
            }
        }
        return differences;
    }

    private static long russiaTotal(Map<String, StanceBucket> buckets) {
        return buckets.values().stream()
                .filter(b -> b.actor().equals("russia") && b.granularity().equals("day") && b.topic().equals(StanceBucket.ALL)
                        && b.outlet().equals(StanceBucket.ALL) && b.holder().equals(StanceBucket.ALL))
                .mapToLong(StanceBucket::count).sum();
    }

    private static int minInSync(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Integer.parseInt(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                .get(resource).get("min.insync.replicas").value());
    }

    private static <V> List<V> values(List<ConsumerRecord<String, V>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static YearMonth month(Instant time) {
        return YearMonth.from(time.atZone(ZoneOffset.UTC));
    }

    /** One broker stopped, then started again after {@code downFor}, in a thread of its own. */
    record Outage(int broker, CompletableFuture<Instant> stopped, CompletableFuture<Instant> restarted) {
        static Outage begin(ReplicatedCluster cluster, int broker, Duration downFor) {
            CompletableFuture<Instant> stopped = new CompletableFuture<>();
            CompletableFuture<Instant> restarted = CompletableFuture.supplyAsync(() -> {
                try {
                    System.out.printf("broker crash: stopping broker %d at %s%n", broker, Instant.now());
                    cluster.stopBroker(broker);
                    stopped.complete(Instant.now());
                    Thread.sleep(downFor.toMillis());
                    cluster.startBroker(broker);
                    System.out.printf("broker crash: broker %d started again at %s%n", broker, Instant.now());
                    return Instant.now();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (RuntimeException e) {
                    stopped.completeExceptionally(e);
                    throw e;
                }
            });
            return new Outage(broker, stopped, restarted);
        }

        void awaitEnd(Duration timeout) throws Exception {
            restarted.get(timeout.toSeconds(), TimeUnit.SECONDS);
        }

        Instant stoppedAt() {
            return stopped.join();
        }

        Instant restartedAt() {
            return restarted.join();
        }
    }
}
