package org.stancewatch.index.benchmark;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.stancewatch.index.benchmark.BenchmarkKafkaTopic.TopicDocument;
import org.stancewatch.index.sink.BulkSettings;

/**
 * The baseline: the documents exactly as they are on the topic, sent as {@code _bulk} NDJSON with
 * the JDK's HTTP client, with the indexer's batch size and requests in flight, the same ids and
 * the same write alias ({@code require_alias}, as the indexer writes). A response with any error
 * fails the run. No versioning (unless asked, below), no offsets, no per-item handling: the least
 * a client can do.
 */
final class RawBulkPath {
    /**
     * With {@code -Dbench.raw.versioned=true} (in {@code MAVEN_OPTS}) every action carries the
     * version the indexer gives it: the cost of versioning, measured apart from the client's.
     */
    private static final String VERSION = Boolean.getBoolean("bench.raw.versioned")
            ? ",\"version\":1,\"version_type\":\"external_gte\"" : "";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI bulkUri;
    private final BulkSettings bulk;

    RawBulkPath(String elasticsearchUrl, BulkSettings bulk) {
        this.bulkUri = URI.create(elasticsearchUrl + "/_bulk?require_alias=true");
        this.bulk = bulk;
    }

    /** Sends every document into {@code alias}; returns the seconds from the first request to the last response. */
    double send(String alias, List<TopicDocument> documents) throws InterruptedException {
        Semaphore inFlight = new Semaphore(bulk.maxConcurrentRequests());
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        long started = System.nanoTime();
        for (int from = 0; from < documents.size(); from += bulk.maxOperations()) {
            byte[] body = body(alias, documents.subList(from, Math.min(from + bulk.maxOperations(), documents.size())));
            HttpRequest request = HttpRequest.newBuilder(bulkUri).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            inFlight.acquire();
            requests.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenAccept(RawBulkPath::check)
                    .whenComplete((ignored, error) -> inFlight.release()));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        return (System.nanoTime() - started) / 1e9;
    }

    private static byte[] body(String alias, List<TopicDocument> documents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(documents.size() * 700);
        for (TopicDocument document : documents) {
            body.writeBytes(("{\"index\":{\"_index\":\"" + alias + "\",\"_id\":\"" + document.id() + "\"" + VERSION + "}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(document.value());
            body.write('\n');
        }
        return body.toByteArray();
    }

    private static void check(HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() != 200 || !body.startsWith("{\"errors\":false")) {
            throw new IllegalStateException("raw bulk failed: HTTP " + response.statusCode() + " "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }
}
