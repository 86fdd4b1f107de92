package org.stancewatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stancewatch.ingest.source.CrawlSettings;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.Routes;

/** Where a source's fetches may connect: its ports, its own private origins, and never a rebound name. */
class SsrfGuardTest {
    private static final String HOST = "bad.test";
    private static final CrawlSettings SETTINGS = FetchTestSettings.withFetchTimeout(Duration.ofSeconds(3));

    private FixtureServer site;
    private FixtureServer otherService;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        site = new FixtureServer();
        otherService = new FixtureServer(); // another port on the same machine
        fetcher = new HttpFetcher(SETTINGS, FixtureServer.resolver(), new Politeness());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        site.close();
        otherService.close();
    }

    /** A local site whose own URL is {@code bad.test} on the site's port, with the checks the crawler makes per hop. */
    private FetchException failureOfRedirectTo(String location) {
        site.route(HOST, "/jump", new Routes.Redirect(302, location));
        FetchScope scope = FetchScope.ofSite(List.of(site.url(HOST, "/")), true);
        FetchRequest request = fetcher.request(site.url(HOST, "/jump"), scope, FetchRequest.ACCEPT_HTML, hop -> {
            fetcher.checkAllowed(hop, scope);
            return Duration.ZERO;
        });
        return catchThrowableOfType(FetchException.class, () -> fetcher.fetch(request));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34:22/", "http://93.184.216.34:6379/", "https://bad.test:8443/"})
    void aRedirectToAPortOtherThanTheWebsOrTheSourcesOwnIsRefused(String location) {
        FetchException e = failureOfRedirectTo(location);

        assertThat(e.failure()).as(e.getMessage()).isEqualTo(FetchFailure.BLOCKED_PORT);
        assertThat(e.getMessage()).contains("port " + URI.create(location).getPort());
    }

    @Test
    void aPrivateAddressExemptionCoversTheSourcesOwnPortOnlyNotAnotherServiceOnTheSameHost() {
        otherService.route(HOST, "/secret", new Routes.Body("text/html", "<p>internal</p>".getBytes()));
        // the other service's port is one of the source's ports (say its feed lives there) but on another host
        FetchScope scope = FetchScope.ofSite(List.of(site.url(HOST, "/"), otherService.url("feeds.test", "/")), true);
        site.route(HOST, "/jump", new Routes.Redirect(302, otherService.url(HOST, "/secret").toString()));
        FetchRequest request = fetcher.request(site.url(HOST, "/jump"), scope, FetchRequest.ACCEPT_HTML, hop -> {
            fetcher.checkAllowed(hop, scope);
            return Duration.ZERO;
        });

        FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(request));

        assertThat(e.failure()).as(e.getMessage()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
        assertThat(otherService.requests()).isEmpty();
    }

    @Test
    void aNameThatRebindsFromAPublicToAPrivateAddressNeverReachesThePrivateOne() throws Exception {
        // First answer public (the check before the hop), every later one the local server: the
        // classic DNS rebinding attack on "check, then connect".
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> host.toLowerCase(Locale.ROOT).equals("rebind.test") && lookups.incrementAndGet() == 1
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})}
                : new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        site.route("rebind.test", "/secret", new Routes.Body("text/html", "<p>internal</p>".getBytes()));
        URI url = site.url("rebind.test", "/secret");
        FetchScope scope = FetchScope.ofSite(List.of(url), false);
        try (HttpFetcher rebound = new HttpFetcher(SETTINGS, rebinding, new Politeness())) {
            FetchRequest request = rebound.request(url, scope, FetchRequest.ACCEPT_HTML, hop -> {
                rebound.checkAllowed(hop, scope); // sees the public address and lets the hop go
                return Duration.ZERO;
            });

            FetchException e = catchThrowableOfType(FetchException.class, () -> rebound.fetch(request));

            assertThat(lookups.get()).as("the name was looked up again to connect").isGreaterThanOrEqualTo(2);
            assertThat(e.failure()).as(e.getMessage()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
            assertThat(e.getMessage()).contains("127.0.0.1");
        }
        assertThat(site.requests()).isEmpty();
    }
}
