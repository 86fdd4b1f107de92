package org.stancewatch.index.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.Ports;
import org.stancewatch.index.benchmark.BenchmarkKafkaTopic.TopicDocument;
import org.stancewatch.index.sink.BulkSettings;
import org.stancewatch.index.sink.IndexerProgress;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.testing.KafkaTestSupport;
import org.stancewatch.index.testing.TestRecords;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.kafka.KafkaTopicNames;

/**
 * {@code bin/benchmark index [DOCUMENTS [ROUNDS]]} (default 50,000 and 5): documents per second
 * through the indexer (Kafka to Elasticsearch, every item checked, offsets committed) against the
 * same documents sent as raw {@code _bulk} NDJSON with the JDK's HTTP client, on the same node in
 * the same run.
 *
 * <p>Like with like: the raw path sends the very bytes on the topic, with the same ids, into
 * indices made from the same templates, through the write alias, in bulks of the same size with
 * the same number in flight. Both are warmed up by one unmeasured run each; then each round runs
 * both, in alternating order, each into fresh indices that are counted (every document must be
 * there) and deleted afterwards. The figures are medians over the rounds, with the CPU time each
 * process used, so that a busy machine shows as such.
 */
public final class IndexBenchmark {
    private static final int MENTIONS_PER_ARTICLE = 10;

    private IndexBenchmark() {}

    /** One measured run of one path: seconds, CPU nanoseconds per process, and the indexer's run (or null). */
    record Timed(double seconds, Map<String, Long> cpu, IndexerPath.Run run) {}

    /** One round: both paths on the same documents. */
    record Round(int number, Timed raw, Timed indexer, int documents) {
        IndexerPath.Run run() {
            return indexer.run();
        }

        double rawRate() {
            return documents / raw.seconds();
        }

        double indexerRate() {
            return documents / run().fromFirstRead();
        }

        double indexerRateFromStart() {
            return documents / run().fromStart();
        }

        double cpuMillisPerThousand(Timed timed, String process) {
            return timed.cpu().getOrDefault(process, 0L) / 1e6 / (documents / 1000.0);
        }
    }

    public static void main(String[] args) throws Exception {
        String[] words = args.length == 1 ? args[0].strip().split("\\s+") : args;
        int documents = words.length > 0 && !words[0].isBlank() ? Integer.parseInt(words[0]) : 50_000;
        int rounds = words.length > 1 ? Integer.parseInt(words[1]) : 5;
        BulkSettings bulk = BulkSettings.defaults();
        Path home = Files.createTempDirectory("stancewatch-index-benchmark");
        System.out.printf("Starting the embedded Kafka broker and Elasticsearch node under %s ...%n", home);
        try (EmbeddedServices services = new EmbeddedServices(home, Ports.free());
                BenchmarkIndices indices = new BenchmarkIndices(services.elasticsearchUrl())) {
            services.startAll();
            BenchmarkKafkaTopic topic = new BenchmarkKafkaTopic(services.kafkaBootstrapServers(),
                    KafkaTopicNames.ofIndex().prefixed("bench."));
            topic.write(mentions(documents));
            BenchmarkKafkaTopic.Read read = topic.read(documents);
            List<TopicDocument> onTopic = read.documents();
            long bytes = onTopic.stream().mapToLong(d -> d.value().length).sum();
            System.out.printf(Locale.ROOT, "%,d mention documents on %s (%.1f MB of JSON); bulks of %,d documents, "
                    + "%d requests in flight%n", documents, topic.topics().mentions(), bytes / 1e6,
                    bulk.maxOperations(), bulk.maxConcurrentRequests());

            Runner runner = new Runner(services, indices, topic, onTopic, bulk);
            System.out.println("warming up both paths (one unmeasured run each) ...");
            runner.raw("warmup");
            runner.indexer("warmup");
            double readSeconds = topic.read(documents).seconds(); // warm too, for reference
            List<Round> results = new ArrayList<>();
            for (int number = 1; number <= rounds; number++) {
                // alternate the order: whatever one run leaves behind (merges, GC) falls on both alike
                boolean rawFirst = number % 2 == 1;
                Timed raw = rawFirst ? runner.raw("round" + number) : null;
                Timed indexer = runner.indexer("round" + number);
                if (!rawFirst) {
                    raw = runner.raw("round" + number);
                }
                Round round = new Round(number, raw, indexer, documents);
                results.add(round);
                System.out.printf(Locale.ROOT, "round %d (%s first): raw %,.0f/s; indexer %,.0f/s once reading, "
                        + "%,.0f/s from start (start-up %.2f s); ratio %.2f%n", number, rawFirst ? "raw" : "indexer",
                        round.rawRate(), round.indexerRate(), round.indexerRateFromStart(), round.run().startUp(),
                        round.indexerRate() / round.rawRate());
            }
            report(results, documents, readSeconds);
        }
    }

    /** Runs one path at a time, each into fresh indices, and checks what it left. */
    private static final class Runner {
        private final EmbeddedServices services;
        private final BenchmarkIndices indices;
        private final BenchmarkKafkaTopic topic;
        private final List<TopicDocument> documents;
        private final RawBulkPath rawPath;
        private final IndexerPath indexerPath;
        private final CpuMeter cpu;

        Runner(EmbeddedServices services, BenchmarkIndices indices, BenchmarkKafkaTopic topic,
                List<TopicDocument> documents, BulkSettings bulk) {
            this.services = services;
            this.indices = indices;
            this.topic = topic;
            this.documents = documents;
            this.rawPath = new RawBulkPath(services.elasticsearchUrl(), bulk);
            this.cpu = new CpuMeter(services.elasticsearch().pid(), services.kafka().pid());
            this.indexerPath = new IndexerPath(services.elasticsearchUrl(), services.kafkaBootstrapServers(),
                    topic.topics(), bulk, cpu);
        }

        Timed raw(String name) throws Exception {
            IndexLayout layout = new IndexLayout("bench-raw-" + name);
            indices.install(layout);
            Map<String, Long> before = cpu.sample();
            double seconds = rawPath.send(layout.alias(IndexKind.MENTIONS), documents);
            Timed timed = new Timed(seconds, CpuMeter.between(before, cpu.sample()), null);
            checkAndDelete(layout);
            return timed;
        }

        Timed indexer(String name) throws Exception {
            IndexLayout layout = new IndexLayout("bench-indexer-" + name);
            indices.install(layout);
            String group = "bench-indexer-" + name;
            Map<String, Long> before = cpu.sample();
            IndexerPath.Run run = indexerPath.index(layout, group, documents.size());
            // the CPU of the same span as the rate: from the first record read (start-up apart)
            Map<String, Long> used = CpuMeter.between(run.cpuAtFirstRead(), run.cpuAtEnd());
            Map<String, Long> startUp = CpuMeter.between(before, run.cpuAtFirstRead());
            System.out.printf(Locale.ROOT, "  start-up CPU ms: elasticsearch %d, kafka %d, client %d%n",
                    startUp.get("elasticsearch") / 1_000_000, startUp.get("kafka") / 1_000_000,
                    startUp.get("client") / 1_000_000);
            IndexerProgress progress = run.progress();
            if (progress.deadLettered() > 0 || progress.retried() > 0) {
                System.out.printf("  note: %s%n", progress);
            }
            try (KafkaTestSupport kafka = new KafkaTestSupport(services.kafkaBootstrapServers())) {
                long lag = kafka.lag(group, List.of(topic.topics().mentions()));
                if (lag != 0) {
                    throw new IllegalStateException("the indexer left " + lag + " records uncommitted");
                }
            }
            checkAndDelete(layout);
            return new Timed(run.fromFirstRead(), used, run);
        }

        private void checkAndDelete(IndexLayout layout) throws Exception {
            long count = indices.mentions(layout);
            if (count != documents.size()) {
                throw new IllegalStateException(layout.prefix() + " holds " + count + " of " + documents.size()
                        + " documents");
            }
            indices.delete(layout);
        }
    }

    private static void report(List<Round> rounds, int documents, double readSeconds) {
        System.out.printf(Locale.ROOT, "%nmedian of %d rounds of %,d documents (range over the rounds):%n",
                rounds.size(), documents);
        System.out.printf(Locale.ROOT, "raw _bulk (JDK HTTP client)     %,8.0f documents/s  (%s)%n",
                Medians.median(rounds, Round::rawRate), Medians.range(rounds, Round::rawRate, "%,.0f"));
        System.out.printf(Locale.ROOT, "indexer, once reading           %,8.0f documents/s  (%s; first record read to "
                + "last acknowledgement)%n", Medians.median(rounds, Round::indexerRate),
                Medians.range(rounds, Round::indexerRate, "%,.0f"));
        System.out.printf(Locale.ROOT, "indexer, from start             %,8.0f documents/s  (%s; Indexer.start to last "
                + "acknowledgement)%n", Medians.median(rounds, Round::indexerRateFromStart),
                Medians.range(rounds, Round::indexerRateFromStart, "%,.0f"));
        System.out.printf(Locale.ROOT, "  start-up                      %8.2f s  (Elasticsearch check, templates, "
                + "group join, first fetch)%n", Medians.median(rounds, r -> r.run().startUp()));
        System.out.printf(Locale.ROOT, "ratio indexer / raw             %8.2f    (%s; median of the rounds' ratios, "
                + "goal >= 0.80)%n", Medians.median(rounds, r -> r.indexerRate() / r.rawRate()),
                Medians.range(rounds, r -> r.indexerRate() / r.rawRate(), "%.2f"));
        System.out.printf(Locale.ROOT, "ratio from start                %8.2f    (%s)%n",
                Medians.median(rounds, r -> r.indexerRateFromStart() / r.rawRate()),
                Medians.range(rounds, r -> r.indexerRateFromStart() / r.rawRate(), "%.2f"));
        System.out.println("CPU ms per 1,000 documents (median): elasticsearch / kafka broker / client JVM");
        for (String path : List.of("raw", "indexer")) {
            boolean raw = path.equals("raw");
            System.out.printf(Locale.ROOT, "  %-8s %6.0f / %6.0f / %6.0f%n", path,
                    Medians.median(rounds, r -> r.cpuMillisPerThousand(raw ? r.raw() : r.indexer(), "elasticsearch")),
                    Medians.median(rounds, r -> r.cpuMillisPerThousand(raw ? r.raw() : r.indexer(), "kafka")),
                    Medians.median(rounds, r -> r.cpuMillisPerThousand(raw ? r.raw() : r.indexer(), "client")));
        }
        System.out.println("the client JVM's CPU ms per 1,000 documents by thread (median):");
        java.util.Set<String> roles = new java.util.TreeSet<>();
        rounds.forEach(r -> roles.addAll(r.indexer().cpu().keySet()));
        rounds.forEach(r -> roles.addAll(r.raw().cpu().keySet()));
        for (String role : roles) {
            if (role.startsWith(CpuMeter.THREAD)) {
                System.out.printf(Locale.ROOT, "  raw %5.1f  indexer %5.1f  %s%n",
                        Medians.median(rounds, r -> r.cpuMillisPerThousand(r.raw(), role)),
                        Medians.median(rounds, r -> r.cpuMillisPerThousand(r.indexer(), role)),
                        role.substring(CpuMeter.THREAD.length()));
            }
        }
        System.out.printf(Locale.ROOT, "for reference: reading the topic alone (plain consumer + model codec) %,.0f "
                + "documents/s%n", documents / readSeconds);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "benchmark JVM heap in use %.0f MB of %.0f MB%n",
                (runtime.totalMemory() - runtime.freeMemory()) / 1e6, runtime.maxMemory() / 1e6);
    }

    private static List<Mention> mentions(int count) {
        List<Mention> mentions = new ArrayList<>(count);
        Instant start = Instant.parse("2010-01-01T00:00:00Z");
        String[] actors = {"russia", "nato", "us", "iran", "obama", "medvedev"};
        for (int a = 0; mentions.size() < count; a++) {
            Article article = TestRecords.article("outlet" + (a % 20) + ".example", "story-" + a,
                    start.plus(Duration.ofMinutes(a * 17L)), 1, "Text.");
            for (int s = 0; s < MENTIONS_PER_ARTICLE && mentions.size() < count; s++) {
                double score = Math.sin(a * 7 + s) * 0.9;
                mentions.add(TestRecords.mention(article, s, actors[(a + s) % actors.length], score,
                        List.of(s % 2 == 0 ? "missile-defense" : "arms-control"), s % 3 == 0 ? "nato" : ""));
            }
        }
        return mentions;
    }
}
