package org.stancewatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stancewatch.ingest.source.CrawlSettings;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.Routes;

/** The fetcher against a misbehaving local server: each bad input and what it produces. */
class HttpFetcherTest {
    private static final String HOST = "bad.test";
    private static final CrawlSettings SETTINGS = FetchTestSettings.withFetchTimeout(Duration.ofSeconds(2));

    private FixtureServer server;
    private Politeness politeness;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        politeness = new Politeness();
        fetcher = new HttpFetcher(SETTINGS, FixtureServer.resolver(), politeness);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    /** The scope of a local site at this host on the fixture server: its origin may be private. */
    private FetchScope local(String host) {
        return FetchScope.ofSite(List.of(server.url(host, "/")), true);
    }

    private FetchResponse fetch(String path) throws Exception {
        return fetcher.fetch(request(server.url(HOST, path)));
    }

    private FetchRequest request(URI url) {
        return fetcher.request(url, local(HOST), FetchRequest.ACCEPT_HTML, FetchRequest.HopPolicy.fixedDelay(Duration.ZERO));
    }

    private FetchException failure(String path) {
        return catchThrowableOfType(FetchException.class, () -> fetch(path));
    }

    @Test
    void aGzippedPageArrivesDecompressedWithItsValidators() throws Exception {
        server.route(HOST, "/page", new Routes.Body("text/html", "<p>hello</p>".getBytes()));
        FetchResponse plain = fetch("/page");
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo("<p>hello</p>");

        // files of the fixture site are served gzipped to clients that accept it, with an ETag
        FetchResponse feed = fetcher.fetch(fetcher.request(server.url("herald.test", "/2011/03/17/reset-talks/"),
                local("herald.test"), FetchRequest.ACCEPT_HTML, FetchRequest.HopPolicy.fixedDelay(Duration.ZERO)));
        assertThat(new String(feed.body(), StandardCharsets.UTF_8)).contains("Sergei Lavrov");
        assertThat(feed.etag()).isNotBlank();
        assertThat(server.requests().getLast().userAgent()).isEqualTo("stancewatch-test/1.0");
    }

    @Test
    void aConditionalRequestForAnUnchangedPageGets304WithoutABody() throws Exception {
        URI url = server.url("herald.test", "/feed.rss");
        FetchRequest first = fetcher.request(url, local("herald.test"), FetchRequest.ACCEPT_FEED,
                FetchRequest.HopPolicy.fixedDelay(Duration.ZERO));
        FetchResponse response = fetcher.fetch(first);

        FetchResponse again = fetcher.fetch(first.conditional(response.etag(), response.lastModified()));

        assertThat(again.notModified()).isTrue();
        assertThat(again.body()).isEmpty();
        assertThat(server.requests().getLast().ifNoneMatch()).isEqualTo(response.etag());
    }

    @Test
    void anOversizedBodyIsRefusedWithOrWithoutAContentLength() {
        server.route(HOST, "/huge", new Routes.Oversized(2 * 1024 * 1024, false));
        server.route(HOST, "/huge-declared", new Routes.Oversized(2 * 1024 * 1024, true));

        assertThat(failure("/huge").failure()).isEqualTo(FetchFailure.TOO_LARGE);
        assertThat(failure("/huge-declared").failure()).isEqualTo(FetchFailure.TOO_LARGE);
    }

    @Test
    void aGzipBombIsStoppedAsItInflates() {
        server.route(HOST, "/bomb", new Routes.GzipBomb(64, true)); // ~64 KB on the wire, 64 MB inflated

        FetchException e = failure("/bomb");

        assertThat(e.failure()).isEqualTo(FetchFailure.TOO_LARGE);
        assertThat(e.getMessage()).contains("decompressed");
    }

    @Test
    void aServerThatDripsOneByteASecondIsCutOffAtTheFetchDeadline() {
        server.route(HOST, "/drip", new Routes.Drip(30));
        long started = System.nanoTime();

        FetchException e = failure("/drip");

        assertThat(e.failure()).isEqualTo(FetchFailure.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void aRedirectLoopIsDetected() {
        server.route(HOST, "/a", new Routes.Redirect(302, "/b"));
        server.route(HOST, "/b", new Routes.Redirect(301, "/a"));

        assertThat(failure("/a").failure()).isEqualTo(FetchFailure.REDIRECT_LOOP);
    }

    @Test
    void moreRedirectsThanTheLimitFail() {
        for (int i = 0; i < 6; i++) {
            server.route(HOST, "/hop" + i, new Routes.Redirect(307, "/hop" + (i + 1)));
        }

        assertThat(failure("/hop0").failure()).isEqualTo(FetchFailure.TOO_MANY_REDIRECTS);
        assertThat(server.requests()).hasSize(4); // the first request and the three redirects allowed
    }

    @Test
    void redirectsAreFollowedAndReported() throws Exception {
        server.route(HOST, "/old", new Routes.Redirect(301, "/new"));
        server.route(HOST, "/new", new Routes.Body("text/html", "<p>moved</p>".getBytes()));

        FetchResponse response = fetch("/old");

        assertThat(response.url()).isEqualTo(server.url(HOST, "/new"));
        assertThat(response.redirects()).containsExactly(server.url(HOST, "/new"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/secret", "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:%d/secret", "http://2130706433:%d/secret", "http://127.1:%d/secret", "http://0x7f000001:%d/secret",
        "http://evil.test:%d/secret", "http://10.0.0.1/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]:%d/secret"})
    void aRedirectToAnInternalAddressIsRefusedWhateverFormTheUrlUses(String target) {
        String location = target.formatted(server.port());
        server.route(HOST, "/jump", new Routes.Redirect(302, location));

        FetchException e = failure("/jump");

        // Short and hex forms are read as the loopback address (refused by the guard), or not as a
        // host at all (java.net.URI finds no valid host in "127.1"; no resolver knows "0x7f000001"):
        // either way nothing is connected to.
        boolean ambiguousForm = location.contains("127.1:") || location.contains("0x7f");
        assertThat(e.failure()).as(location + " gave " + e.failure() + ": " + e.getMessage()).isIn(ambiguousForm
                ? new FetchFailure[] {FetchFailure.BLOCKED_ADDRESS, FetchFailure.DNS_FAILURE, FetchFailure.INVALID_URL}
                : new FetchFailure[] {FetchFailure.BLOCKED_ADDRESS});
        assertThat(server.requests()).extracting(FixtureServer.Request::path).doesNotContain("/secret");
    }

    @Test
    void aRedirectToAFileUrlIsRefused() {
        server.route(HOST, "/file", new Routes.Redirect(302, "file:///etc/passwd"));

        FetchException e = failure("/file");

        assertThat(e.failure()).isEqualTo(FetchFailure.UNSUPPORTED_SCHEME);
    }

    @Test
    void aSiteThatDoesNotAllowPrivateAddressesCannotReachTheLocalServerAtAll() {
        FetchRequest strict = fetcher.request(server.url(HOST, "/page"), FetchScope.ofSite(List.of(server.url(HOST, "/")), false), FetchRequest.ACCEPT_HTML,
                FetchRequest.HopPolicy.fixedDelay(Duration.ZERO));

        FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(strict));

        assertThat(e.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
        assertThat(e.getMessage()).contains("127.0.0.1", "loopback");
        assertThat(server.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410, 500})
    void errorPagesFailWithTheirStatus(int status) {
        server.route(HOST, "/error", new Routes.Status(status));

        FetchException e = failure("/error");

        assertThat(e.code()).isEqualTo("http-" + status);
    }

    @Test
    void a429WithAShortRetryAfterIsWaitedOutAndRetried() throws Exception {
        server.route(HOST, "/busy", new Routes.RetryAfter(429, "1", 1, new Routes.Body("text/html", "<p>ok</p>".getBytes())));

        FetchResponse response = fetch("/busy");

        List<FixtureServer.Request> requests = server.requests(HOST, "/busy");
        assertThat(response.status()).isEqualTo(200);
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aLongRetryAfterFailsAsRateLimitedAndBacksTheHostOff() {
        server.route(HOST, "/busy", new Routes.RetryAfter(503, "3600", 5, new Routes.Status(200)));

        FetchException e = failure("/busy");

        assertThat(e.failure()).isEqualTo(FetchFailure.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
        assertThat(politeness.backedOffUntil(HOST)).hasValueSatisfying(until ->
                assertThat(until).isAfter(Instant.now().plus(Duration.ofMinutes(59))));
        assertThat(server.requests(HOST, "/busy")).hasSize(1);
    }

    @Test
    void requestsToOneHostAreSpacedByItsDelay() throws Exception {
        server.route(HOST, "/p", new Routes.Body("text/html", "<p>x</p>".getBytes()));
        FetchRequest polite = fetcher.request(server.url(HOST, "/p"), local(HOST), FetchRequest.ACCEPT_HTML,
                FetchRequest.HopPolicy.fixedDelay(Duration.ofMillis(400)));

        for (int i = 0; i < 3; i++) {
            fetcher.fetch(polite);
        }

        List<FixtureServer.Request> requests = server.requests(HOST, "/p");
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        assertThat(Duration.between(requests.get(1).at(), requests.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        assertThatThrownBy(() -> fetcher.fetch(request(URI.create("ftp://bad.test/file"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.failure()).isEqualTo(FetchFailure.UNSUPPORTED_SCHEME));
    }
}
