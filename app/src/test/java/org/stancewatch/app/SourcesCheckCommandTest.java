package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.model.json.Json;

/**
 * 'stancewatch sources check' as a user runs it, against a local site with one outlet that works
 * and one behind a bot challenge: the table, the exit codes, JSON, and the errors.
 */
class SourcesCheckCommandTest {
    private static final String ARTICLE = """
            <!DOCTYPE html><html lang="en"><head><title>Senate backs arms treaty with Moscow</title>
            <meta property="article:published_time" content="2011-05-10T17:00:00Z"></head><body><article>
            <h1>Senate backs arms treaty with Moscow</h1>
            <p>The Senate voted on Tuesday to approve the New START arms control treaty with Russia, handing the
            administration a victory on a pact that both governments had called the centrepiece of their effort to
            improve relations after years of mistrust.</p>
            <p>The treaty limits each country to 1,550 deployed strategic warheads and restores inspections that
            lapsed when the previous agreement expired. Supporters said it would make both nations safer; critics
            argued that it would constrain missile defence plans in Europe.</p>
            <p>Officials in Moscow welcomed the vote and said the Duma would take up the treaty soon.</p>
            </article></body></html>""";

    private final List<String> requested = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Path sourcesFile;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", this::serve);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        sourcesFile = dir.resolve("sources.yml");
        Files.writeString(sourcesFile, """
                crawler:
                  userAgent: "stancewatch-test/1.0"
                  from: crawler-tests@example.org
                  fetchTimeout: 5s
                defaults:
                  rate: 50
                sources:
                  - id: herald
                    name: The Daily Herald
                    home: %1$s/herald/
                    feeds: [%1$s/herald/feed.rss]
                    articles: {allow: ['/herald/news/']}
                    allowPrivateAddresses: true
                  - id: guarded
                    name: The Guarded Gazette
                    home: %1$s/guarded/
                    feeds: [%1$s/guarded/feed.rss]
                    articles: {allow: ['/guarded/news/']}
                    allowPrivateAddresses: true
                  - id: shut
                    name: The Shut Sentinel
                    home: %1$s/shut/
                    feeds: [%1$s/shut/feed.rss]
                    allowPrivateAddresses: true
                    disabled: "robots.txt disallows every crawler"
                """.formatted(base));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requested.add(path);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        if (path.endsWith("/feed.rss")) {
            String outlet = path.split("/")[1];
            send(exchange, 200, "application/rss+xml", """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>%1$s</title>
                    <item><title>Senate backs arms treaty</title><link>%2$s/%1$s/news/new-start</link></item>
                    <item><title>Video</title><link>%2$s/%1$s/video/clip</link></item>
                    </channel></rss>""".formatted(outlet, base));
        } else if (path.equals("/herald/news/new-start")) {
            send(exchange, 200, "text/html; charset=utf-8", ARTICLE);
        } else if (path.equals("/guarded/news/new-start")) {
            exchange.getResponseHeaders().add("cf-mitigated", "challenge");
            send(exchange, 403, "text/html", "<html><head><title>Just a moment...</title></head><body></body></html>");
        } else {
            send(exchange, 404, "text/plain", "not found");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void theTableShowsEachSourcesVerdictAndTheExitCodeSaysOneFailed() {
        CommandRun run = CommandRun.of("sources", "check", "--sources", sourcesFile.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("herald (The Daily Herald): OK", "feed     200  robots allowed  2 items, 1 article",
                "\"Senate backs arms treaty with Moscow\", 2011-05-10", "guarded (The Guarded Gazette): BOT_CHALLENGE",
                "article  403  robots allowed  bot-challenge", "3 sources: 1 BOT_CHALLENGE, 1 DISABLED, 1 OK");
        assertThat(run.out()).containsPattern("herald +OK +1/1 +2 +1 +\\d+ words");
        assertThat(run.err()).contains("Checking 3 sources", "From: crawler-tests@example.org");
    }

    @Test
    void aDisabledSourceIsReportedWithItsReasonWithoutBeingFetchedAndDoesNotFailTheCheck() {
        CommandRun run = CommandRun.of("sources", "check", "shut", "herald", "--sources", sourcesFile.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("shut (The Shut Sentinel): DISABLED",
                "disabled in the sources file: robots.txt disallows every crawler", "2 sources: 1 DISABLED, 1 OK");
        assertThat(requested).noneMatch(path -> path.startsWith("/shut/"));
    }

    @Test
    void checkingOnlyTheWorkingSourceExitsZero() {
        CommandRun run = CommandRun.of("sources", "check", "herald", "--sources", sourcesFile.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("1 sources: 1 OK").doesNotContain("guarded");
    }

    @Test
    void jsonGivesEachReportWithItsListingsAndArticle() throws Exception {
        CommandRun run = CommandRun.of("sources", "check", "--json", "--sources", sourcesFile.toString());

        JsonNode reports = Json.mapper().readTree(run.out());
        assertThat(reports).hasSize(3);
        assertThat(reports.get(0).path("verdict").asText()).isEqualTo("OK");
        assertThat(reports.get(0).path("listings").get(0).path("accepted").asInt()).isEqualTo(1);
        assertThat(reports.get(0).path("article").path("words").asInt()).isPositive();
        assertThat(reports.get(1).path("verdict").asText()).isEqualTo("BOT_CHALLENGE");
        assertThat(run.err()).contains("[1/3]"); // progress stays off the JSON
    }

    @Test
    void anUnknownSourceIsAUsageErrorThatSuggestsTheNearestAndListsThem() {
        CommandRun run = CommandRun.of("sources", "check", "heral", "--sources", sourcesFile.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no source 'heral'", "did you mean 'herald'?", "herald, guarded");
    }

    @Test
    void theHelpExplainsTheVerdictsAndTheExitCodes() {
        CommandRun help = CommandRun.of("sources", "check", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("BOT_CHALLENGE", "CONSENT_WALL", "NO_ARTICLES_MATCH", "DISABLED",
                "Exit codes:", "0", "every source checked is OK or DISABLED", "--json", "--sources", "--parallel",
                "Nothing is published to Kafka");
        assertThat(CommandRun.of("sources", "--help").out()).contains("check", "list", "blocked");
    }
}
