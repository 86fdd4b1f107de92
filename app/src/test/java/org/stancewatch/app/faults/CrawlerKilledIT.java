package org.stancewatch.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.model.Article;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * The crawler killed with SIGKILL at random moments of a crawl, then run once more to the end:
 * in the committed view, which the analysis and the indexer read, every article of the site is
 * there exactly once; the batches the kills cut are in the log, aborted, where only a {@code
 * read_uncommitted} consumer sees them.
 */
@ExtendWith(EmbeddedServicesExtension.class)
@Tag("fault")
@Tag("slow")
class CrawlerKilledIT {
    private static final int PAGES = 100;
    private static final Duration PAGE_DELAY = Duration.ofMillis(50);
    private static final Duration TRANSACTION_PAUSE = Duration.ofMillis(150);
    private static final int KILLS = 4;
    /** Kills added, each waiting for an open transaction, while none has cut one; the pages last for them. */
    private static final int EXTRA_KILLS = 2;
    /** How long a child may crawl before it is killed: long enough to publish a few pages. */
    private static final Duration MAX_LIFE = Duration.ofMillis(2500);

    /** One kill: how many article pages the site had served, and whether a transaction was open. */
    record Kill(int pagesServed, boolean cutTransaction) {}

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aCrawlerKilledMidTransactionAndRunAgainPublishesEveryArticleExactlyOnce(EmbeddedServices services,
            @TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String bootstrap = services.kafkaBootstrapServers();
        String instance = "killed-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = Files.createDirectories(Path.of("target")).resolve("crawler-killed-child.log");
        Files.deleteIfExists(log);
        List<Kill> kills = new ArrayList<>();
        try (SlowNewsSite site = SlowNewsSite.start(PAGES, PAGE_DELAY);
             Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Path sources = Files.writeString(dir.resolve("sources.yml"), site.sourcesYaml());
            for (int k = 0; k < KILLS || k < KILLS + EXTRA_KILLS && kills.stream().noneMatch(Kill::cutTransaction); k++) {
                // from the last planned kill on, a kill waits for an open transaction if none has met one yet
                boolean aligned = k >= KILLS - 1 && kills.stream().noneMatch(Kill::cutTransaction);
                Process child = CrawlerChild.launch(bootstrap, instance, sources, TRANSACTION_PAUSE, log);
                try {
                    awaitCrawling(site, child, site.articlesServed());
                    Thread.sleep(random.nextLong(MAX_LIFE.toMillis()));
                    if (aligned) {
                        awaitOpenTransaction(admin, child);
                    }
                    assertThat(child.isAlive()).as("child %d still crawling at its kill (seed %d, log %s)", k, seed, log)
                            .isTrue();
                } finally {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no abort, no last commit
                    child.waitFor(30, TimeUnit.SECONDS);
                }
                kills.add(new Kill(site.articlesServed(), openRecords(admin) > 0));
            }
            assertThat(site.articlesServed()).as("the kills left pages to crawl (seed %d)", seed).isLessThan(PAGES);

            Process last = CrawlerChild.launch(bootstrap, instance, sources, TRANSACTION_PAUSE, log);
            assertThat(last.waitFor(3, TimeUnit.MINUTES)).as("the last run ends (log %s)", log).isTrue();
            assertThat(last.exitValue()).as("the last run's exit status (log %s)", log).isZero();

            List<ConsumerRecord<String, Article>> committed = ofSite(site, IsolationLevel.READ_COMMITTED, bootstrap);
            List<ConsumerRecord<String, Article>> written = ofSite(site, IsolationLevel.READ_UNCOMMITTED, bootstrap);
            Set<String> committedPositions = committed.stream().map(CrawlerKilledIT::position).collect(Collectors.toSet());
            List<Article> aborted = written.stream().filter(r -> !committedPositions.contains(position(r)))
                    .map(ConsumerRecord::value).toList();

            // the committed view: every page once, as its first revision
            Map<String, Long> perRevision = committed.stream().map(ConsumerRecord::value)
                    .collect(Collectors.groupingBy(a -> a.id() + "@" + a.revision(), Collectors.counting()));
            assertThat(perRevision).as("records per article id and revision").allSatisfy((id, n) -> assertThat(n).isOne());
            assertThat(committed).extracting(r -> r.value().revision()).containsOnly(1);
            assertThat(committed).extracting(r -> r.value().url()).containsExactlyInAnyOrderElementsOf(site.articleUrls());

            // what the kills cut: written, never committed, and published again by a later run
            assertThat(kills).as("kills (seed %d)", seed).anyMatch(Kill::cutTransaction);
            assertThat(aborted).as("articles of cut transactions").isNotEmpty();
            Set<String> committedIds = committed.stream().map(r -> r.value().id()).collect(Collectors.toSet());
            assertThat(aborted).extracting(Article::id).allMatch(committedIds::contains);

            System.out.printf("crawler killed: seed %d, kills %s; %d articles committed once each, %d aborted records "
                            + "(of %s); %d s in all%n", seed, kills, committed.size(), aborted.size(),
                    aborted.stream().map(a -> a.url().replaceAll(".*/", "")).toList(),
                    (System.nanoTime() - started) / 1_000_000_000);
        } finally {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                KafkaTopicContents.clear(admin, KafkaTopics.ARTICLES.name());
            }
        }
    }

    /**
     * Waits until the child has fetched its second article page: it has restored its state, joined
     * its group and got through its first page, which takes seconds (the language detector loads).
     */
    private static void awaitCrawling(SlowNewsSite site, Process child, int servedBefore) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (site.articlesServed() < servedBefore + 2) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the child crawler did not start crawling (alive: " + child.isAlive() + ")");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitOpenTransaction(Admin admin, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (openRecords(admin) == 0 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /**
     * Offsets of the articles topic past its last stable offset: records of a transaction not yet
     * committed or aborted, which {@code read_committed} consumers cannot read past.
     */
    private static long openRecords(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = KafkaTopicContents.latestOffsets(admin, KafkaTopics.ARTICLES.name());
        Function<IsolationLevel, Map<TopicPartition, Long>> ends = isolation -> {
            try {
                return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS)
                        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            } catch (Exception e) {
                throw new IllegalStateException("cannot list the offsets of " + KafkaTopics.ARTICLES.name(), e);
            }
        };
        Map<TopicPartition, Long> stable = ends.apply(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> written = ends.apply(IsolationLevel.READ_UNCOMMITTED);
        return written.entrySet().stream().mapToLong(e -> e.getValue() - stable.get(e.getKey())).sum();
    }

    /** The site's articles on the articles topic (other tests of this JVM write there too). */
    private static List<ConsumerRecord<String, Article>> ofSite(SlowNewsSite site, IsolationLevel isolation,
                                                                String bootstrap) {
        return KafkaTopicContents.read(bootstrap, KafkaTopics.ARTICLES.name(),
                KafkaTopics.ARTICLES.valueSerde().deserializer(), isolation)
                .stream().filter(r -> r.value() != null && r.value().url().startsWith(site.baseUrl() + "/")).toList();
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.partition() + "@" + record.offset();
    }
}
