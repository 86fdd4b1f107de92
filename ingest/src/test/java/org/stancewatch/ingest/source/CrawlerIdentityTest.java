package org.stancewatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.fetch.FetchRequest;
import org.stancewatch.ingest.fetch.FetchScope;
import org.stancewatch.ingest.fetch.HttpFetcher;
import org.stancewatch.ingest.fetch.Politeness;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.Routes;

/** The crawler's User-Agent (no URL) and From header: read, validated with clear errors, and sent. */
class CrawlerIdentityTest {

    private static Sources read(String crawler) {
        return SourcesFile.parse("sources.yml", (crawler + """
                sources:
                  - id: one
                    home: https://one.example/
                    feeds: [https://one.example/feed]
                """).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultUserAgentIsAProductTokenWithoutAUrlAndNamesTheRobot() {
        CrawlSettings defaults = CrawlSettings.defaults();

        assertThat(defaults.userAgent()).startsWith("stancewatch/0.1").doesNotContain("http", "www.");
        assertThat(defaults.robotName()).isEqualTo("stancewatch");
        assertThat(defaults.from()).isEmpty();
        assertThat(CrawlerIdentity.userAgentProblem(defaults.userAgent())).isEmpty();
    }

    @Test
    void aUserAgentWithAUrlIsRefusedWithItsLineAndASuggestionToUseFrom() {
        SourcesException e = catchThrowableOfType(SourcesException.class, () -> read("""
                crawler:
                  userAgent: "mybot/2.0 (+https://mybot.example/about)"
                """));

        assertThat(e.getMessage()).contains("sources.yml:2: crawler.userAgent: must not contain a URL",
                "put your contact address in crawler.from");
    }

    @Test
    void aFromThatIsNoEmailAddressIsRefusedWithItsLine() {
        SourcesException e = catchThrowableOfType(SourcesException.class, () -> read("""
                crawler:
                  userAgent: "mybot/2.0"
                  from: "Ops team <ops at example.org>"
                """));

        assertThat(e.getMessage()).contains("sources.yml:3: crawler.from: 'Ops team <ops at example.org>' is not an "
                + "e-mail address");
    }

    @Test
    void aValidFromIsRead() {
        Sources sources = read("""
                crawler:
                  userAgent: "mybot/2.0 (research crawler of the Example Institute)"
                  from: crawler-ops@example.org
                """);

        assertThat(sources.settings().from()).isEqualTo("crawler-ops@example.org");
        assertThat(sources.settings().robotName()).isEqualTo("mybot");
    }

    @Test
    void theEnvironmentsFromOverridesTheFilesAndABlankOneDoesNot() {
        assertThat(CrawlerIdentity.from("file@example.org", "deploy@example.org")).isEqualTo("deploy@example.org");
        assertThat(CrawlerIdentity.from("file@example.org", " ")).isEqualTo("file@example.org");
        assertThat(CrawlerIdentity.from("file@example.org", null)).isEqualTo("file@example.org");
        assertThat(CrawlerIdentity.fromProblem("not-an-address")).hasValueSatisfying(p -> assertThat(p)
                .contains("not an e-mail address"));
    }

    @Test
    void theFromHeaderIsSentWhenSetAndLeftOutWhenNot() throws Exception {
        try (FixtureServer server = new FixtureServer()) {
            server.route("bad.test", "/page", new Routes.Body("text/plain", "ok".getBytes(StandardCharsets.UTF_8)));
            FetchScope scope = FetchScope.ofSite(List.of(server.url("bad.test", "/")), true);
            CrawlSettings withFrom = CrawlSettings.defaults().withFrom("crawler-ops@example.org");
            for (CrawlSettings settings : List.of(withFrom, CrawlSettings.defaults())) {
                try (HttpFetcher fetcher = new HttpFetcher(settings, FixtureServer.resolver(), new Politeness())) {
                    fetcher.fetch(fetcher.request(server.url("bad.test", "/page"), scope, FetchRequest.ACCEPT_HTML,
                            FetchRequest.HopPolicy.fixedDelay(Duration.ZERO)));
                }
            }

            assertThat(server.requests()).extracting(FixtureServer.Request::from)
                    .containsExactly("crawler-ops@example.org", null);
            assertThat(server.requests()).extracting(FixtureServer.Request::userAgent)
                    .containsOnly(CrawlSettings.DEFAULT_USER_AGENT);
        }
    }
}
