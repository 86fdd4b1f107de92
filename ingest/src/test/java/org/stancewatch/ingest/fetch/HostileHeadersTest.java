package org.stancewatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.source.CrawlSettings;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.RawHttpServer;

/**
 * Response heads that never end: each must fail as a typed {@link FetchException} long before a
 * hostile server has filled the heap, and no later than the whole-response deadline.
 */
class HostileHeadersTest {
    private static final String HOST = "bad.test";
    /** Generous, so that a test passing "fast" proves the header limits, not the deadline, stopped it. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(4);
    private static final CrawlSettings SETTINGS = FetchTestSettings.withFetchTimeout(FETCH_TIMEOUT);

    private HttpFetcher fetcher;
    private RawHttpServer server;

    @BeforeEach
    void start() {
        fetcher = new HttpFetcher(SETTINGS, FixtureServer.resolver(), new Politeness());
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        if (server != null) {
            server.close();
        }
    }

    private record Outcome(FetchException failure, Duration took) {}

    private Outcome fetchFrom(RawHttpServer.Answer answer) throws Exception {
        server = new RawHttpServer(answer);
        FetchRequest request = fetcher.request(server.url(HOST, "/page"), FetchScope.ofSite(List.of(server.url(HOST, "/")), true), FetchRequest.ACCEPT_HTML,
                FetchRequest.HopPolicy.fixedDelay(Duration.ZERO));
        long started = System.nanoTime();
        FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(request));
        return new Outcome(e, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void write(OutputStream out, String text) throws java.io.IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aHeaderLineWithoutEndFailsAsHeadersTooLargeBeforeTheDeadline() throws Exception {
        Outcome outcome = fetchFrom(out -> {
            write(out, "HTTP/1.1 200 OK\r\nX-Flood: ");
            byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.ISO_8859_1);
            while (true) { // until the client hangs up
                out.write(chunk);
            }
        });

        assertThat(outcome.failure()).isNotNull();
        assertThat(outcome.failure().failure()).as(outcome.failure().getMessage())
                .isEqualTo(FetchFailure.HEADERS_TOO_LARGE);
        assertThat(outcome.failure().getMessage()).contains("line");
        assertThat(outcome.took()).isLessThan(FETCH_TIMEOUT.dividedBy(2));
    }

    @Test
    void endlesslyManyHeadersFailAsHeadersTooLargeBeforeTheDeadline() throws Exception {
        Outcome outcome = fetchFrom(out -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            for (long i = 0; ; i++) {
                write(out, "X-Flood-" + i + ": x\r\n");
            }
        });

        assertThat(outcome.failure()).isNotNull();
        assertThat(outcome.failure().failure()).as(outcome.failure().getMessage())
                .isEqualTo(FetchFailure.HEADERS_TOO_LARGE);
        assertThat(outcome.failure().getMessage()).contains("header count");
        assertThat(outcome.took()).isLessThan(FETCH_TIMEOUT.dividedBy(2));
    }

    @Test
    void aLongButBoundedPolicyHeaderIsStillRead() throws Exception {
        // 12 KiB: over HttpCore's own default line limit (8 KiB), under the crawler's
        String policy = "default-src 'self' " + "https://cdn.example.org/x ".repeat(12 * 1024 / 26);
        server = new RawHttpServer(out -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Content-Security-Policy: " + policy + "\r\nContent-Length: 2\r\n\r\nok"));

        FetchResponse response = fetcher.fetch(fetcher.request(server.url(HOST, "/page"), FetchScope.ofSite(List.of(server.url(HOST, "/")), true),
                FetchRequest.ACCEPT_HTML, FetchRequest.HopPolicy.fixedDelay(Duration.ZERO)));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
    }

    @Test
    void headersDrippedSlowlyAreCutOffAtTheWholeResponseDeadline() throws Exception {
        // a short header line every 300 ms: each arrives well within the read timeout, and the
        // count limit is far off; only the deadline for the whole response stops it
        Outcome outcome = fetchFrom(out -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 200; i++) {
                write(out, "X-Drip-" + i + ": x\r\n");
                out.flush();
                Thread.sleep(300);
            }
            write(out, "Content-Length: 0\r\n\r\n");
        });

        assertThat(outcome.failure()).isNotNull();
        assertThat(outcome.failure().failure()).as(outcome.failure().getMessage()).isEqualTo(FetchFailure.TIMEOUT);
        assertThat(outcome.took()).isBetween(FETCH_TIMEOUT.minusMillis(100), FETCH_TIMEOUT.plusSeconds(2));
    }
}
