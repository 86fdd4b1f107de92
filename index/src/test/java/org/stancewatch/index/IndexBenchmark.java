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
 * {@code bin/benchmark index [DOCUMENTS]}: documents per second through the indexer (Kafka to
 * Elasticsearch, every item checked, offsets committed) against the same documents sent as raw
 * {@code _bulk} NDJSON with the JDK's HTTP client, with the same batch size and concurrency, to
 * the same embedded node in the same run. Prints both rates and their ratio (goal: 0.8 or more).
 */
public final class IndexBenchmark {
    private static final int MENTIONS_PER_ARTICLE = 10;

    private IndexBenchmark() {}

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 100_000;
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
            install(url, new IndexLayout("bench-warmup"));
            rawBulk(url, "bench-warmup-mentions", mentions.subList(0, Math.min(20_000, documents)), json, bulk);

            IndexLayout rawLayout = new IndexLayout("bench-raw");
            install(url, rawLayout);
            double rawSeconds = rawBulk(url, rawLayout.alias(IndexKind.MENTIONS), mentions, json, bulk);

            SinkTopics topics = SinkTopics.prefixed("bench.");
            try (KafkaTestSupport kafka = new KafkaTestSupport(services.kafkaBootstrapServers())) {
                kafka.createTopics(topics, 3);
                for (int i = 0; i < mentions.size(); i++) {
                    kafka.send(topics.mentions(), mentions.get(i).id(), json.get(i));
                    if (i % 5000 == 4999) {
                        kafka.flush(); // in slices: a busy machine must not time out a huge backlog
                    }
                }
                kafka.flush();
            }
            double readSeconds = readOnly(services.kafkaBootstrapServers(), topics.mentions(), documents);

            IndexLayout indexerLayout = new IndexLayout("bench-indexer");
            IndexerConfig config = IndexerConfig.of(ElasticsearchConfig.of(url), services.kafkaBootstrapServers())
                    .withTopics(topics).withLayout(indexerLayout).withGroupId("bench").withBulk(bulk);
            install(url, indexerLayout);
            long started = System.nanoTime();
            double indexerSeconds;
            try (Indexer indexer = Indexer.start(config)) {
                long lastCount = -1;
                long lastChange = System.nanoTime();
                long lastReport = System.nanoTime();
                while (indexer.progress().indexed(IndexKind.MENTIONS) < documents) {
                    long count = indexer.progress().indexed(IndexKind.MENTIONS);
                    if (count != lastCount) {
                        lastCount = count;
                        lastChange = System.nanoTime();
                    } else if (System.nanoTime() - lastChange > Duration.ofSeconds(60).toNanos()) {
                        throw new IllegalStateException("the indexer made no progress for 60 s: " + indexer.progress());
                    }
                    Thread.sleep(5);
                    if (System.nanoTime() - lastReport > 2_000_000_000L) {
                        lastReport = System.nanoTime();
                        System.out.printf("  %5.1f s  %s%n", (lastReport - started) / 1e9, indexer.progress());
                    }
                }
                indexerSeconds = (System.nanoTime() - started) / 1e9;
                System.out.println("indexer: " + indexer.progress());
            }

            double rawRate = documents / rawSeconds;
            double indexerRate = documents / indexerSeconds;
            Runtime runtime = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "%nraw _bulk (JDK HTTP client)  %,10.0f documents/s  (%.2f s)%n", rawRate,
                    rawSeconds);
            System.out.printf(Locale.ROOT, "indexer (Kafka -> ES)        %,10.0f documents/s  (%.2f s, from start to "
                    + "the last acknowledgement)%n", indexerRate, indexerSeconds);
            System.out.printf(Locale.ROOT, "ratio indexer / raw          %10.2f   (goal >= 0.80)%n", indexerRate / rawRate);
            System.out.printf(Locale.ROOT, "for reference: reading the topic alone (plain consumer, no Elasticsearch) "
                    + "%,.0f documents/s (%.2f s)%n", documents / readSeconds, readSeconds);
            System.out.printf(Locale.ROOT, "benchmark JVM heap used      %10.0f MB of %.0f MB max%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / 1e6, runtime.maxMemory() / 1e6);
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
