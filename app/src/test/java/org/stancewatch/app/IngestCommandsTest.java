package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.model.json.Json;

/** {@code stancewatch extract} and {@code stancewatch crawl} as a user runs them (no network, no Kafka). */
class IngestCommandsTest {
    private static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Talks resume | The Herald</title>
            <meta property="article:published_time" content="2011-03-17T09:00:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="story"><h1>Talks resume</h1>
            <p>Negotiators from Russia and the United States resumed talks on Thursday about the next steps in arms control,
            after a pause of several weeks that both sides blamed on scheduling rather than on any dispute of substance.</p>
            <p>Officials said the discussions would focus on verification and on the question of missile defense in Europe,
            which remains the most difficult issue between the two governments and their allies in the region.</p></div>
            <footer>&copy; The Herald</footer></body></html>""";

    @Test
    void extractPrintsOneJsonObjectPerFileOfAFolderGzippedOrNot(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.html"), PAGE);
        try (var gzip = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.html.gz")))) {
            gzip.write(PAGE.replace("Talks resume", "Talks resume again").getBytes(StandardCharsets.UTF_8));
        }

        CommandRun run = CommandRun.of("extract", "--json", "--url", "https://herald.example/2011/03/17/talks/", dir.toString());

        assertThat(run.exit()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        var first = Json.mapper().readTree(lines[0]);
        assertThat(first.get("file").asText()).endsWith("a.html");
        assertThat(first.get("title").asText()).isEqualTo("Talks resume");
        assertThat(first.get("dateSource").asText()).isEqualTo("meta");
        assertThat(first.get("outlet").asText()).isEqualTo("herald.example");
        assertThat(first.get("verdict").asText()).isEqualTo("article");
        assertThat(first.get("text").asText()).startsWith("Negotiators from Russia").doesNotContain("Home", "The Herald");
        assertThat(Json.mapper().readTree(lines[1]).get("title").asText()).isEqualTo("Talks resume again");
    }

    @Test
    void extractReportsAMissingFileAndExitsNonZero(@TempDir Path dir) {
        CommandRun run = CommandRun.of("extract", dir.resolve("nothing.html").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("nothing.html", "no such file");
    }

    @Test
    void crawlWithABrokenSourcesFileSaysWhereTheProblemIs(@TempDir Path dir) throws Exception {
        Path sources = dir.resolve("sources.yml");
        Files.writeString(sources, "sources:\n  - id: x\n    home: https://x.example/\n    feedz: [https://x.example/rss]\n");

        CommandRun run = CommandRun.of("crawl", "--once", "--dry-run", "--sources", sources.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("sources.yml:4: sources[0].feedz: unknown field (did you mean 'feeds'?)");
    }

    @Test
    void helpDescribesEveryOption() {
        CommandRun crawl = CommandRun.of("crawl", "--help");
        CommandRun extract = CommandRun.of("extract", "--help");

        assertThat(crawl.out()).contains("--once", "--sources", "--dry-run", "--instance", "--progress",
                "KAFKA_BOOTSTRAP_SERVERS", "stancewatch.crawl-state");
        assertThat(extract.out()).contains("--url", "--json", "FILE|URL|FOLDER");
    }
}
