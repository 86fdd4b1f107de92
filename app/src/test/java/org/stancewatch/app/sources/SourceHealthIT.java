package org.stancewatch.app.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stancewatch.app.pipeline.KafkaConnection;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.ingest.Crawler;
import org.stancewatch.ingest.CrawlerConfig;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.source.Sources;
import org.stancewatch.ingest.source.SourcesFile;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Source health end to end on the embedded Kafka broker: the crawler publishes its statuses on
 * stancewatch.sources, and the table of 'stancewatch sources' shows them, a malformed record
 * among them included.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class SourceHealthIT {
    private static final String HOST = "vanishing.example";

    @Test
    void aFeedAnswering404TwiceIsPublishedAsDiscoveryGoneAndTheTableShowsIt(EmbeddedServices services) throws Exception {
        String bootstrap = services.kafkaBootstrapServers();
        String id = "vanishing-" + UUID.randomUUID().toString().substring(0, 8);
        try (VanishingFeedSite site = new VanishingFeedSite()) {
            Sources sources = SourcesFile.parse("it sources.yml", site.sourcesYaml(id).getBytes(StandardCharsets.UTF_8));
            CrawlerConfig config = CrawlerConfig.kafka(sources, KafkaSettings.of(bootstrap, "it-" + id))
                    .withResolver(host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})});
            try (Crawler crawler = Crawler.open(config)) {
                crawler.runOnce();
                site.gone.set(true);
                crawler.runOnce();
                crawler.runOnce();
            }
            KafkaConnection kafka = KafkaConnection.plain(bootstrap);
            StoredStatus stored = new SourceStatusReader(kafka).latest().get(id);
            assertThat(stored.readable()).isTrue();
            SourceStatus status = stored.status();
            assertThat(status.health()).isEqualTo(SourceHealth.DISCOVERY_GONE);
            assertThat(status.problem()).contains("/feed.rss answered HTTP 404", "on the last 2 visits");
            assertThat(status.lastSuccess()).as("discovery last worked on the first visit").isBefore(status.lastVisit());
            assertThat(site.feedRequests).as("each visit asked for the feed").hasValue(3);

            String broken = "broken-" + id;
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(KafkaTopics.SOURCES.name(), broken,
                        "{not json".getBytes(StandardCharsets.UTF_8))).get();
            }

            Map<String, StoredStatus> latest = new SourceStatusReader(kafka).latest();
            SourceTable table = SourceTable.of(latest, sources.sources());
            String text = table.render(Instant.now());

            assertThat(text.lines().filter(line -> line.startsWith(id + " ")).findFirst()).hasValueSatisfying(row ->
                    assertThat(row).contains(HOST, "discovery-gone", "answered HTTP 404"));
            assertThat(text.lines().filter(line -> line.startsWith(broken + " ")).findFirst()).hasValueSatisfying(row ->
                    assertThat(row).contains("unreadable status", "not valid JSON"));
        }
    }

    /** A site whose only listing, an RSS feed, answers 404 once {@link #gone} is set. */
    private static final class VanishingFeedSite implements AutoCloseable {
        final AtomicBoolean gone = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger feedRequests = new java.util.concurrent.atomic.AtomicInteger();
        private final HttpServer server;

        VanishingFeedSite() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.createContext("/", this::respond);
            server.start();
        }

        String baseUrl() {
            return "http://" + HOST + ":" + server.getAddress().getPort();
        }

        String sourcesYaml(String id) {
            return """
                    crawler:
                      userAgent: "stancewatch-it/1.0"
                    defaults:
                      interval: 1h
                      rate: 100
                    sources:
                      - id: %s
                        home: %s/
                        feeds: [%2$s/feed.rss]
                        allowPrivateAddresses: true
                    """.formatted(id, baseUrl());
        }

        private void respond(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/feed.rss")) {
                    feedRequests.incrementAndGet();
                    if (gone.get()) {
                        send(exchange, 404, "text/html", "<html><body>not found</body></html>");
                    } else {
                        send(exchange, 200, "application/rss+xml", """
                                <?xml version="1.0"?><rss version="2.0"><channel><title>Vanishing</title>
                                <link>%s/</link><description>soon gone</description></channel></rss>
                                """.formatted(baseUrl()));
                    }
                } else {
                    send(exchange, 404, "text/plain", "not found");
                }
            }
        }

        private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
