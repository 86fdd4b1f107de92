package org.stancewatch.index;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.Ports;
import org.stancewatch.index.connect.ElasticsearchClients;
import org.stancewatch.index.connect.ElasticsearchConfig;
import org.stancewatch.index.sink.BulkSettings;
import org.stancewatch.index.sink.Indexer;
import org.stancewatch.index.sink.IndexerConfig;
import org.stancewatch.index.sink.SinkTopics;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.templates.IndexTemplates;
import org.stancewatch.index.testing.KafkaTestSupport;
import org.stancewatch.index.testing.TestRecords;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.json.Codecs;

/**
 * {@code bin/benchmark index [DOCUMENTS [ROUNDS]]} (default 50,000 and 2): documents per second through the indexer (Kafka to
 * Elasticsearch, every item checked, offsets committed) against the same documents sent as raw
 * {@code _bulk} NDJSON with the JDK's HTTP client, with the same batch size and concurrency, to
 * the same embedded node in the same run. Both paths are warmed up first, then measured in
 * alternating rounds. Prints both rates and their ratio (goal: 0.8 or more), and for reference
 * how fast a plain consumer reads the same topic.
 */
public final class IndexBenchmark {
    private static final int MENTIONS_PER_ARTICLE = 10;

    private IndexBenchmark() {}

    public static void main(String[] args) throws Exception {
        String[] words = args.length == 1 ? args[0].strip().split("\\s+") : args;
        int documents = words.length > 0 && !words[0].isBlank() ? Integer.parseInt(words[0]) : 50_000;
        int rounds = words.length > 1 ? Integer.parseInt(words[1]) : 2;
        BulkSettings bulk = BulkSettings.defaults();
        Path home = Files.createTempDirectory("stancewatch-index-benchmark");
        System.out.printf("Starting the embedded Kafka broker and Elasticsearch node under %s ...%n", home);
        try (EmbeddedServices services = new EmbeddedServices(home, Ports.free())) {
            services.startAll();
            List<Mention> mentions = mentions(documents);
            List<byte[]> json = mentions.stream().map(Codecs.MENTION::write).toList();
            long bytes = json.stream().mapToLong(b -> b.length).sum();
            System.out.printf("%,d mention documents, %.1f MB of JSON, bulks of %d documents, %d requests in flight%n",
                    documents, bytes / 1e6, bulk.maxOperations(), bulk.maxConcurrentRequests());

            String url = services.elasticsearchUrl();
            // warm both paths up (JIT, connections, a first index) before anything is measured
            install(url, new IndexLayout("bench-warmup"));
            int warmup = Math.min(20_000, documents);
            rawBulk(url, "bench-warmup-mentions", mentions.subList(0, warmup), json, bulk);
            runIndexer(services, url, "warmup-indexer", mentions.subList(0, warmup), json.subList(0, warmup), bulk);

            // alternate the two so that a busy machine's ups and downs fall on both alike
            double rawSeconds = 0;
            double indexerSeconds = 0;
            double readSeconds = 0;
            double startSeconds = 0;
            double steadyRate = 0;
            for (int round = 1; round <= rounds; round++) {
                IndexLayout rawLayout = new IndexLayout("bench-raw-" + round);
                install(url, rawLayout);
                double raw = rawBulk(url, rawLayout.alias(IndexKind.MENTIONS), mentions, json, bulk);
                IndexerRun run = runIndexer(services, url, "indexer-" + round, mentions, json, bulk);
                System.out.printf(Locale.ROOT, "round %d: raw _bulk %,.0f documents/s; indexer %,.0f documents/s from "
                        + "start (%.2f s to the first acknowledgement), %,.0f documents/s after; reading the topic "
                        + "alone %,.0f documents/s%n", round, documents / raw, documents / run.seconds(),
                        run.startSeconds(), run.steadyRate(), documents / run.readSeconds());
                rawSeconds += raw;
                indexerSeconds += run.seconds();
                readSeconds += run.readSeconds();
                startSeconds += run.startSeconds();
                steadyRate += run.steadyRate();
            }
            rawSeconds /= rounds;
            indexerSeconds /= rounds;
            readSeconds /= rounds;
            startSeconds /= rounds;
            steadyRate /= rounds;

            double rawRate = documents / rawSeconds;
            double indexerRate = documents / indexerSeconds;
            Runtime runtime = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "%nmean of %d rounds of %,d documents:%n", rounds, documents);
            System.out.printf(Locale.ROOT, "raw _bulk (JDK HTTP client)  %,10.0f documents/s  (%.2f s)%n", rawRate,
                    rawSeconds);
            System.out.printf(Locale.ROOT, "indexer (Kafka -> ES)        %,10.0f documents/s  (%.2f s, from start to "
                    + "the last acknowledgement)%n", indexerRate, indexerSeconds);
            System.out.printf(Locale.ROOT, "  of which start-up          %10.2f s (templates, consumer group join, first "
                    + "bulk)%n", startSeconds);
            System.out.printf(Locale.ROOT, "indexer once running         %,10.0f documents/s  (first to last "
                    + "acknowledgement)%n", steadyRate);
            System.out.printf(Locale.ROOT, "ratio indexer / raw          %10.2f   from start (goal >= 0.80)%n",
                    indexerRate / rawRate);
            System.out.printf(Locale.ROOT, "ratio indexer / raw          %10.2f   once running%n", steadyRate / rawRate);
            System.out.printf(Locale.ROOT, "for reference: reading the topic alone (plain consumer, no Elasticsearch) "
                    + "%,.0f documents/s (%.2f s)%n", documents / readSeconds, readSeconds);
            System.out.printf(Locale.ROOT, "benchmark JVM heap used      %10.0f MB of %.0f MB max%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / 1e6, runtime.maxMemory() / 1e6);
        }
    }

    /**
     * @param seconds       from {@code Indexer.start} (templates, group join) to the last acknowledgement
     * @param startSeconds  from {@code Indexer.start} to the first acknowledgement
     * @param steadyRate    documents/s from the first acknowledgement to the last
     * @param readSeconds   a plain consumer reading the same topic
     */
    record IndexerRun(double seconds, double startSeconds, double steadyRate, double readSeconds) {}

    /** Puts the documents on a topic of their own, then times the indexer from start to the last acknowledgement. */
    private static IndexerRun runIndexer(EmbeddedServices services, String url, String name, List<Mention> mentions,
            List<byte[]> json, BulkSettings bulk) throws Exception {
        int documents = mentions.size();
        SinkTopics topics = SinkTopics.prefixed("bench-" + name + ".");
        try (KafkaTestSupport kafka = new KafkaTestSupport(services.kafkaBootstrapServers())) {
            kafka.createTopics(topics, 3);
            for (int i = 0; i < documents; i++) {
                kafka.send(topics.mentions(), mentions.get(i).id(), json.get(i));
                if (i % 5000 == 4999) {
                    kafka.flush(); // in slices: a busy machine must not time out a huge backlog
                }
            }
            kafka.flush();
        }
        double readSeconds = readOnly(services.kafkaBootstrapServers(), topics.mentions(), documents);
        IndexLayout layout = new IndexLayout("bench-" + name);
        install(url, layout);
        IndexerConfig config = IndexerConfig.of(ElasticsearchConfig.of(url), services.kafkaBootstrapServers())
                .withTopics(topics).withLayout(layout).withGroupId("bench-" + name).withBulk(bulk);
        long started = System.nanoTime();
        try (Indexer indexer = Indexer.start(config)) {
            long lastCount = -1;
            long lastChange = System.nanoTime();
            long firstAck = 0;
            long firstCount = 0;
            while (indexer.progress().indexed(IndexKind.MENTIONS) < documents) {
                long count = indexer.progress().indexed(IndexKind.MENTIONS);
                if (count > 0 && firstAck == 0) {
                    firstAck = System.nanoTime();
                    firstCount = count;
                }
                if (count != lastCount) {
                    lastCount = count;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("the indexer made no progress for 60 s: " + indexer.progress());
                }
                Thread.sleep(5);
            }
            long ended = System.nanoTime();
            if (firstAck == 0) { // everything acknowledged between two looks
                firstAck = ended;
                firstCount = 0;
            }
            double steadySeconds = (ended - firstAck) / 1e9;
            return new IndexerRun((ended - started) / 1e9, (firstAck - started) / 1e9,
                    steadySeconds > 0 ? (documents - firstCount) / steadySeconds : Double.NaN, readSeconds);
        }
    }

    /** How long a plain consumer takes to read the topic: the Kafka side's own ceiling here. */
    private static double readOnly(String bootstrapServers, String topic, int documents) {
        java.util.Map<String, Object> props = new java.util.HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", "bench-read-only");
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", false);
        props.put("isolation.level", "read_committed");
        props.put("max.poll.records", 1000);
        long started = System.nanoTime();
        long read = 0;
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(props,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (read < documents) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    Codecs.MENTION.read(record.value()); // the indexer reads each record too
                    read++;
                }
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void install(String url, IndexLayout layout) throws Exception {
        try (var client = ElasticsearchClients.create(ElasticsearchConfig.of(url))) {
            new IndexTemplates(client, layout).install();
        }
    }

    /** Sends the documents as NDJSON bulks, at most {@code maxConcurrentRequests} at once; returns seconds. */
    private static double rawBulk(String url, String index, List<Mention> mentions, List<byte[]> json, BulkSettings bulk)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI bulkUri = URI.create(url + "/_bulk");
        Semaphore inFlight = new Semaphore(bulk.maxConcurrentRequests());
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        long started = System.nanoTime();
        for (int from = 0; from < mentions.size(); from += bulk.maxOperations()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int i = from; i < Math.min(from + bulk.maxOperations(), mentions.size()); i++) {
                body.writeBytes(("{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"" + mentions.get(i).id() + "\"}}\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.writeBytes(json.get(i));
                body.write('\n');
            }
            HttpRequest request = HttpRequest.newBuilder(bulkUri).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            inFlight.acquire();
            requests.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                if (response.statusCode() != 200 || response.body().startsWith("{\"errors\":true")) {
                    throw new IllegalStateException("raw bulk failed: " + response.body().substring(0, 300));
                }
            }).whenComplete((ignored, error) -> inFlight.release()));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        return (System.nanoTime() - started) / 1e9;
    }

    private static List<Mention> mentions(int count) {
        List<Mention> mentions = new ArrayList<>(count);
        Instant start = Instant.parse("2010-01-01T00:00:00Z");
        String[] actors = {"russia", "nato", "united-states", "iran", "obama", "medvedev"};
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
