package org.stancewatch.analyze.stream;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.support.Corpus;
import org.stancewatch.analyze.stream.support.GroupProgress;
import org.stancewatch.analyze.stream.support.KafkaTopics;
import org.stancewatch.analyze.stream.support.TestScorers;
import org.stancewatch.embedded.EmbeddedKafka;
import org.stancewatch.embedded.Ports;
import org.stancewatch.model.Article;

/**
 * Records per second of the whole analyze job (both applications, on a real broker, exactly-once
 * aggregation included) against the scorer alone on the same articles, in one run; the ratio is
 * what Kafka Streams costs on top of scoring.
 *
 * <pre>
 * bin/benchmark analyze-streams --scorer corenlp --articles 200
 *   --scorer fake|corenlp  the scorer (default fake: the keyword fake of the tests; corenlp: the real one)
 *   --articles N           articles in the corpus (default 2000)
 *   --threads N            scoring threads of the job (default 1, as the scorer alone runs on one)
 * </pre>
 */
public final class TopologyBenchmark {
    private TopologyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String scorerName = options.getOrDefault("scorer", "fake");
        int count = Integer.parseInt(options.getOrDefault("articles", "2000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "1"));
        StanceScorer scorer = TestScorers.named(scorerName);
        List<Article> articles = Corpus.generate(7, count, Instant.parse("2011-01-03T00:00:00Z"), Duration.ofDays(60));
        System.out.printf(Locale.ROOT, "Topology benchmark: %d articles, scorer %s (%s), %d scoring thread(s), %s%n",
                count, scorerName, scorer.version(), threads, Runtime.version());

        // warm the scorer (JIT, lazy model parts) on a tenth of the corpus, then time it alone
        articles.subList(0, Math.max(1, count / 10)).forEach(scorer::score);
        List<Long> latencies = new ArrayList<>(count);
        long mentions = 0;
        long started = System.nanoTime();
        for (Article article : articles) {
            long t = System.nanoTime();
            mentions += scorer.score(article).size();
            latencies.add(System.nanoTime() - t);
        }
        double aloneSeconds = (System.nanoTime() - started) / 1e9;
        latencies.sort(Long::compare);

        Path home = Files.createTempDirectory("topology-benchmark");
        Ports ports = Ports.free();
        double jobSeconds;
        double startUpSeconds = Double.NaN;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafka.Config(home.resolve("kafka"), ports.kafka(),
                ports.kafkaController()));
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            KafkaTopics topics = new KafkaTopics(kafka.bootstrapServers(), TopicNames.suffixed(".bench")).create(3);
            topics.send(articles);
            AnalyzeSettings settings = AnalyzeSettings.defaults(kafka.bootstrapServers())
                    .withApplicationId("topology-benchmark").withTopics(topics.names())
                    .withStateDir(home.resolve("state")).withThreads(threads, 1)
                    .withProgressInterval(Duration.ZERO);
            long jobStarted = System.nanoTime();
            try (AnalyzeJob job = AnalyzeJob.start(settings, scorer)) {
                while (!GroupProgress.caughtUp(admin, settings)) {
                    if (Double.isNaN(startUpSeconds) && job.progress().articlesIn() > 0) {
                        startUpSeconds = (System.nanoTime() - jobStarted) / 1e9; // the first article is being scored
                    }
                    Thread.sleep(100);
                }
                jobSeconds = (System.nanoTime() - jobStarted) / 1e9;
                System.out.printf(Locale.ROOT, "job: %s%n", job.progress().line());
            }
        }

        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        System.out.printf(Locale.ROOT, """
                scorer alone : %8.1f articles/s  %8.1f mentions/s  (per article p50 %.2f ms, p95 %.2f ms)
                whole job    : %8.1f articles/s  (start to all aggregates committed: %.1f s, incl. start-up and group join)
                  once running : %6.1f articles/s  (first article in to all committed: %.1f s; start-up %.1f s)
                ratio        : %8.2f  (job time / scorer time on the same %d articles; once running: %.2f)
                heap in use  : %d MiB of at most %d MiB
                """,
                count / aloneSeconds, mentions / aloneSeconds, percentile(latencies, 50) / 1e6,
                percentile(latencies, 95) / 1e6, count / jobSeconds, jobSeconds, count / (jobSeconds - startUpSeconds),
                jobSeconds - startUpSeconds, startUpSeconds, jobSeconds / aloneSeconds, count,
                (jobSeconds - startUpSeconds) / aloneSeconds, heapMb,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.exit(0); // the embedded broker's and Streams' non-daemon threads are gone; be sure
    }

    private static double percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
