package org.stancewatch.analyze.stream;

import java.io.IOException;
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
import org.stancewatch.analyze.stance.StanceBenchmark;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.attention.AttentionSettings;
import org.stancewatch.analyze.stream.support.Corpus;
import org.stancewatch.analyze.stream.support.GroupProgress;
import org.stancewatch.analyze.stream.support.KafkaTestTopics;
import org.stancewatch.analyze.stream.support.TestScorers;
import org.stancewatch.embedded.EmbeddedKafka;
import org.stancewatch.embedded.Ports;
import org.stancewatch.model.Article;
import org.stancewatch.model.kafka.KafkaTopicNames;

/**
 * Records per second of the whole analyze job (both applications, on a real broker, exactly-once
 * aggregation included) against the scorer alone on the same articles, in one run; the ratio is
 * what Kafka Streams costs on top of scoring.
 *
 * <p>The articles: {@link Corpus}'s stream (4 outlets, 60 days, revisions, syndicated copies,
 * fetch-dated and late articles) with its short template texts ({@code --texts synthetic}, the
 * default: 3-7 sentences of a few words, each naming an actor) or with texts drawn from the real
 * English news bodies of the stance benchmark ({@code --texts news}, needs ../shared/data): the
 * scorer's cost per article, and so the ratio, depends mostly on the text.
 *
 * <p>The scorer first runs over the corpus untimed (one pass, or 30 s if that comes first: JIT
 * compilation of CoreNLP takes longer than a few articles), then the two take turns for {@code --rounds} rounds — the scorer
 * alone, then the job on fresh topics and a fresh application id — so that neither is measured
 * warmer or on a quieter machine than the other. The ratio is taken over all rounds together.
 *
 * <pre>
 * bin/benchmark analyze-streams --scorer v1,v2 --texts news --articles 100
 *   --scorer NAME[,NAME]   the scorer (default fake: the keyword fake of the tests; v2 or v1: the real
 *                          one with that stance model); with two, both take turns and the whole job's
 *                          articles/s are compared
 *   --articles N           articles in the corpus (default 2000)
 *   --threads N            scoring threads of the job (default 1, as the scorer alone runs on one)
 *   --texts synthetic|news the articles' texts (default synthetic)
 *   --rounds N             rounds of scorer alone + job (default 2)
 *   --config K=V[,K=V]     Kafka Streams settings for both applications of the job (as analyze's -c)
 *   --attention on|off     the attention detector in the job (default on; off as analyze's --no-attention)
 * </pre>
 */
public final class TopologyBenchmark {
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final Instant START = Instant.parse("2011-01-03T00:00:00Z");

    private TopologyBenchmark() {}

    /** One timed pass of the scorer alone. */
    record Alone(double seconds, long mentions, List<Long> latencies) {}

    /** One timed run of the job: from its start, and from the first article it took. */
    record Job(double seconds, double startUpSeconds, long articlesIn, String progress) {
        double runningSeconds() {
            return seconds - startUpSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String scorerName = options.getOrDefault("scorer", "fake");
        int count = Integer.parseInt(options.getOrDefault("articles", "2000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "1"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        Map<String, String> overrides = new java.util.LinkedHashMap<>();
        for (String pair : options.getOrDefault("config", "").split(",")) {
            if (!pair.isBlank()) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--config takes KEY=VALUE pairs, got " + pair);
                }
                overrides.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        List<String> scorerNames = List.of(scorerName.split(","));
        List<StanceScorer> scorers = scorerNames.stream().map(TestScorers::named).toList();
        String texts = options.getOrDefault("texts", "synthetic");
        boolean attention = !options.getOrDefault("attention", "on").equals("off");
        List<Article> articles = corpus(texts, count);
        System.out.printf(Locale.ROOT, "Topology benchmark: %d articles (%s texts, %d characters on average), scorer(s) "
                + "%s, %d scoring thread(s), %d round(s), attention %s, %s, max heap %d MiB%s%n", count, texts,
                articles.stream().mapToInt(a -> a.text().length()).sum() / count,
                scorers.stream().map(StanceScorer::version).toList(), threads,
                rounds, attention ? "on" : "off", Runtime.version(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                overrides.isEmpty() ? "" : ", Streams settings " + overrides);

        for (StanceScorer scorer : scorers) {
            long warmUp = System.nanoTime();
            int warmed = 0;
            while (warmed < articles.size() && System.nanoTime() - warmUp < WARM_UP.toNanos()) {
                scorer.score(articles.get(warmed++));
            }
            System.out.printf(Locale.ROOT, "warm-up: %s on %d articles, %.1f s%n", scorer.version(), warmed,
                    (System.nanoTime() - warmUp) / 1e9);
        }

        Path home = Files.createTempDirectory("topology-benchmark");
        Ports ports = Ports.free();
        List<List<Alone>> alone = scorers.stream().map(scorer -> (List<Alone>) new ArrayList<Alone>()).toList();
        List<List<Job>> jobs = scorers.stream().map(scorer -> (List<Job>) new ArrayList<Job>()).toList();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafka.Settings(home.resolve("kafka"), ports.kafka(),
                ports.kafkaController()));
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            int run = 0;
            for (int round = 1; round <= rounds; round++) {
                for (int s = 0; s < scorers.size(); s++) {
                    StanceScorer scorer = scorers.get(s);
                    Alone a = scoreAlone(scorer, articles);
                    Job job = runJob(scorer, articles, kafka.bootstrapServers(), admin, home, ++run, threads, overrides,
                            attention);
                    alone.get(s).add(a);
                    jobs.get(s).add(job);
                    System.out.printf(Locale.ROOT, "round %d, %s: scorer alone %.1f articles/s (%.1f s), job %.1f "
                            + "articles/s (%.1f s; once running %.1f articles/s), ratio %.2f%n  job: %s%n", round,
                            scorerNames.get(s), count / a.seconds(), a.seconds(), count / job.seconds(), job.seconds(),
                            count / job.runningSeconds(), job.seconds() / a.seconds(), job.progress());
                    if (job.articlesIn() != count) {
                        System.out.printf("  WARNING: the job took %d of the %d articles%n", job.articlesIn(), count);
                    }
                }
            }
        }

        long total = (long) count * rounds;
        double[] jobRates = new double[scorers.size()];
        for (int s = 0; s < scorers.size(); s++) {
            double aloneSeconds = alone.get(s).stream().mapToDouble(Alone::seconds).sum();
            double jobSeconds = jobs.get(s).stream().mapToDouble(Job::seconds).sum();
            double runningSeconds = jobs.get(s).stream().mapToDouble(Job::runningSeconds).sum();
            double startUp = jobs.get(s).stream().mapToDouble(Job::startUpSeconds).average().orElse(Double.NaN);
            long mentions = alone.get(s).getFirst().mentions();
            List<Long> latencies = alone.get(s).stream().flatMap(a -> a.latencies().stream()).sorted().toList();
            jobRates[s] = total / jobSeconds;
            System.out.printf(Locale.ROOT, """
                    all rounds, %s (%s):
                    scorer alone : %8.1f articles/s  %8.1f mentions/s  (per article p50 %.2f ms, p95 %.2f ms)
                    whole job    : %8.1f articles/s  %8.1f mentions/s  (start to all aggregates committed, incl. start-up)
                      once running : %6.1f articles/s  (first article in to all committed; start-up %.1f s on average)
                    ratio        : %8.2f  (job time / scorer time on the same articles; once running: %.2f)
                    """, scorerNames.get(s), scorers.get(s).version(),
                    total / aloneSeconds, mentions * rounds / aloneSeconds, StanceBenchmark.percentile(latencies, 50) / 1e6,
                    StanceBenchmark.percentile(latencies, 95) / 1e6, jobRates[s], mentions * rounds / jobSeconds,
                    total / runningSeconds, startUp, jobSeconds / aloneSeconds, runningSeconds / aloneSeconds);
        }
        for (int s = 1; s < scorers.size(); s++) {
            System.out.printf(Locale.ROOT, "whole job, %s against %s: %.2fx the articles/s%n", scorerNames.get(s),
                    scorerNames.getFirst(), jobRates[s] / jobRates[0]);
        }
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        System.out.printf(Locale.ROOT, "heap in use  : %d MiB of at most %d MiB; resident %s%n", heapMb,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), org.stancewatch.analyze.stance.ProcessMemory.resident());
        deleteRecursively(home); // the broker's logs and the state stores: hundreds of MB
        System.exit(0); // the embedded broker's and Streams' non-daemon threads are gone; be sure
    }

    private static List<Article> corpus(String texts, int count) throws IOException {
        return switch (texts) {
            case "synthetic" -> Corpus.generate(7, count, START, Duration.ofDays(60));
            case "news" -> {
                Path pages = Path.of(System.getProperty("stancewatch.shared.data", "../shared/data"),
                        "extraction", "trafilatura-eval", "eval");
                if (!Files.isDirectory(pages)) {
                    System.err.println("no pages at " + pages + ": --texts news needs ../shared/data beside the clone");
                    System.exit(2);
                }
                yield Corpus.generate(7, count, START, Duration.ofDays(60), StanceBenchmark.corpus(pages, 12, 4000));
            }
            default -> throw new IllegalArgumentException("--texts is synthetic or news, not " + texts);
        };
    }

    private static Alone scoreAlone(StanceScorer scorer, List<Article> articles) {
        List<Long> latencies = new ArrayList<>(articles.size());
        long mentions = 0;
        long started = System.nanoTime();
        for (Article article : articles) {
            long t = System.nanoTime();
            mentions += scorer.score(article).size();
            latencies.add(System.nanoTime() - t);
        }
        return new Alone((System.nanoTime() - started) / 1e9, mentions, latencies);
    }

    private static Job runJob(StanceScorer scorer, List<Article> articles, String bootstrap, Admin admin, Path home,
                              int round, int threads, Map<String, String> overrides, boolean attention)
            throws InterruptedException {
        KafkaTestTopics topics = new KafkaTestTopics(bootstrap,
                KafkaTopicNames.ofAnalyze().suffixed(".bench-" + round)).create(3);
        topics.send(articles);
        AnalyzeSettings settings = AnalyzeSettings.defaults(bootstrap)
                .withApplicationId("topology-benchmark-" + round).withTopics(topics.names())
                .withStateDir(home.resolve("state-" + round)).withThreads(threads, 1)
                .withProgressInterval(Duration.ZERO).withStreamsOverrides(overrides)
                .withAttention(AttentionSettings.defaults().withEnabled(attention));
        double startUp = Double.NaN;
        long started = System.nanoTime();
        try (AnalyzeJob job = AnalyzeJob.start(settings, scorer)) {
            while (!GroupProgress.caughtUp(admin, settings)) {
                if (Double.isNaN(startUp) && job.progress().articlesIn() > 0) {
                    startUp = (System.nanoTime() - started) / 1e9; // the first article is being scored
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Job(seconds, startUp, job.progress().articlesIn(), job.progress().line());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
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
