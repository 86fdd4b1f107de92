package org.stancewatch.app.demo;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stancewatch.analyze.StanceScoring;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.app.pipeline.Pipeline;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.Ports;
import org.stancewatch.embedded.ProcessMemory;
import org.stancewatch.index.connect.ElasticsearchClients;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.ingest.dedup.UrlCanonicalizer;
import org.stancewatch.model.Article;

/**
 * {@code bin/benchmark pipeline}: the whole pipeline on the demo site, on this machine.
 *
 * <ol>
 *   <li>Throughput: the demo's first year (2010) appears at once; the time until every stage has
 *       caught up gives articles and mentions per second of the whole pipeline, CoreNLP included.
 *   <li>Latency: with the crawler on its schedule (each outlet every few seconds), the following
 *       articles appear one at a time; for each, the time from its appearance in its outlet's
 *       feed and sitemap until the article, and then its mentions, can be found in Elasticsearch.
 * </ol>
 *
 * <p>Options: {@code --articles N} articles for the latency run (20), {@code --interval SECONDS}
 * between two visits of an outlet (5).
 */
public final class PipelineBenchmark {
    private static final Instant FIRST_YEAR_END = Instant.parse("2011-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int latencyArticles = intOption(args, "--articles", 20);
        Duration interval = Duration.ofSeconds(intOption(args, "--interval", 5));
        Path home = Files.createTempDirectory("stancewatch-pipeline-benchmark");
        DemoContent content = DemoContent.load(DemoContent.BUNDLED);
        System.out.println("Loading CoreNLP and starting the embedded Kafka and Elasticsearch ...");
        StanceScorer scorer = StanceScoring.fromDefaults();
        try (EmbeddedServices services = new EmbeddedServices(home, Ports.free());
             DemoSiteServer site = DemoSiteServer.start(content)) {
            services.startAll();
            ElasticsearchSettings elasticsearch = ElasticsearchSettings.of(services.elasticsearchUrl());
            DemoRun run = new DemoRun(site, System.out);
            site.hold(content.articles());
            try (Pipeline pipeline = Pipeline.start(
                    run.settings(services.kafkaBootstrapServers(), elasticsearch, home.resolve("streams"), interval), scorer);
                 ElasticsearchClient client = ElasticsearchClients.create(elasticsearch)) {
                List<DemoArticle> firstYear = content.articles().stream()
                        .filter(article -> article.published().isBefore(FIRST_YEAR_END)).toList();
                throughput(pipeline, site, firstYear);

                List<DemoArticle> later = content.articles().stream()
                        .filter(article -> !article.published().isBefore(FIRST_YEAR_END))
                        .limit(latencyArticles).toList();
                pipeline.startCrawling();
                latency(client, site, later);

                Runtime runtime = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "%nMemory: pipeline JVM heap %d MiB in use (max %d MiB); Kafka %s, "
                                + "Elasticsearch %s resident%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                        runtime.maxMemory() >> 20, ProcessMemory.describe(services.kafka().pid()),
                        ProcessMemory.describe(services.elasticsearch().pid()));
            }
        }
    }

    private static void throughput(Pipeline pipeline, DemoSiteServer site, List<DemoArticle> articles)
            throws InterruptedException {
        long start = System.nanoTime();
        articles.forEach(site::release);
        pipeline.crawlOnce();
        if (!pipeline.awaitCaughtUp(Duration.ofMinutes(30))) {
            throw new IllegalStateException("the pipeline did not catch up: " + pipeline.progress().line());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long mentions = pipeline.progress().analyze().mentionsOut();
        System.out.printf(Locale.ROOT, "%nThroughput, %d articles appearing at once (crawl, score, aggregate, index):%n"
                        + "  %.1f s until every stage caught up: %.2f articles/s, %.1f mentions/s (%d mentions)%n",
                articles.size(), seconds, articles.size() / seconds, mentions / seconds, mentions);
    }

    private static void latency(ElasticsearchClient client, DemoSiteServer site, List<DemoArticle> articles)
            throws Exception {
        List<Double> articleSeconds = new ArrayList<>();
        List<Double> mentionSeconds = new ArrayList<>();
        System.out.printf("%nLatency, %d articles appearing one at a time:%n", articles.size());
        for (DemoArticle article : articles) {
            String id = Article.idFor(UrlCanonicalizer.canonicalize(site.canonicalUrlOf(article)));
            long released = System.nanoTime();
            site.release(article);
            double articleAt = awaitFound(client, "stancewatch-articles", "id", id, released);
            double mentionsAt = awaitFound(client, "stancewatch-mentions", "articleId", id, released);
            articleSeconds.add(articleAt);
            if (mentionsAt >= 0) {
                mentionSeconds.add(mentionsAt);
            }
            System.out.printf(Locale.ROOT, "  %-60s article %5.1f s  mentions %s%n", article.key(), articleAt,
                    mentionsAt < 0 ? "none" : String.format(Locale.ROOT, "%5.1f s", mentionsAt));
        }
        System.out.printf(Locale.ROOT, "Feed to searchable article:  p50 %.1f s, p95 %.1f s, max %.1f s%n",
                percentile(articleSeconds, 50), percentile(articleSeconds, 95), percentile(articleSeconds, 100));
        System.out.printf(Locale.ROOT, "Feed to searchable mentions: p50 %.1f s, p95 %.1f s, max %.1f s (%d articles)%n",
                percentile(mentionSeconds, 50), percentile(mentionSeconds, 95), percentile(mentionSeconds, 100),
                mentionSeconds.size());
    }

    /** Seconds from {@code since} until a document with the field's value is searchable; -1 after a minute without. */
    private static double awaitFound(ElasticsearchClient client, String index, String field, String value, long since)
            throws Exception {
        long deadline = since + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            long found = client.count(c -> c.index(index).query(q -> q.term(t -> t.field(field).value(value)))).count();
            if (found > 0) {
                return (System.nanoTime() - since) / 1e9;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    private static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
