package org.stancewatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.config.ConfigProblem;
import org.stancewatch.config.Quantities;

class SourcesFileTest {

    private static SourcesException problems(String yaml) {
        return catchThrowableOfType(SourcesException.class,
                () -> SourcesFile.parse("test.yml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBundledDefaultsCrawlElevenRealOutletsAndKeepTwoDisabledWithTheirReasons() {
        Sources sources = SourcesFile.bundled();

        assertThat(sources.sources()).hasSizeGreaterThanOrEqualTo(11);
        assertThat(sources.sources()).allSatisfy(s -> {
            assertThat(s.home().getScheme()).isEqualTo("https");
            assertThat(s.allowPrivateAddresses()).isFalse();
            assertThat(s.feeds().size() + s.sitemaps().size() + s.sections().size()).isPositive();
        });
        assertThat(sources.byId("bbc")).isPresent();
        assertThat(sources.disabled()).extracting(d -> d.source().id()).containsExactlyInAnyOrder("apnews", "reuters");
        assertThat(sources.disabled()).allSatisfy(d -> assertThat(d.reason()).contains("robots.txt"));
        assertThat(sources.settings().robotName()).isEqualTo("stancewatch");
    }

    @Test
    void theBundledEuronewsAndTassRulesTakeTheHttpLinksTheirFeedsList() {
        Sources sources = SourcesFile.bundled();

        assertThat(sources.byId("euronews").orElseThrow()
                .isArticle(java.net.URI.create("http://www.euronews.com/2026/12/04/nato-ministers-meet"))).isTrue();
        assertThat(sources.byId("tass").orElseThrow()
                .isArticle(java.net.URI.create("http://tass.com/politics/1234567"))).isTrue();
    }

    @Test
    void theRepositoryCopyIsTheBundledOne() throws Exception {
        Path repositoryCopy = Path.of("..", "config", "sources.yml");
        // (compiled patterns have no equals: compare the printed form)
        assertThat(SourcesFile.load(repositoryCopy).sources()).hasToString(SourcesFile.bundled().sources().toString());
        assertThat(SourcesFile.load(repositoryCopy).disabled()).hasToString(SourcesFile.bundled().disabled().toString());
    }

    @Test
    void anExplicitFileThatDoesNotExistSaysSo(@TempDir Path dir) {
        SourcesException e = catchThrowableOfType(SourcesException.class,
                () -> SourcesFile.load(Optional.of(dir.resolve("missing.yml"))));

        assertThat(e.getMessage()).contains("missing.yml", "no such file");
    }

    @Test
    void valuesAndDefaultsAreRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yml");
        Files.writeString(file, """
                defaults:
                  interval: 15m
                  rate: 0.5
                sources:
                  - id: one
                    home: https://one.example/
                    feeds: https://one.example/feed
                    articles:
                      allow: ['/news/']
                  - id: two
                    home: https://two.example
                    sitemaps: [https://two.example/sitemap.xml]
                    interval: 2h
                    language: de
                """);

        Sources sources = SourcesFile.load(Optional.of(file));

        Source one = sources.byId("one").orElseThrow();
        assertThat(one.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(one.minDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(one.isArticle(java.net.URI.create("https://one.example/news/a"))).isTrue();
        assertThat(one.isArticle(java.net.URI.create("https://one.example/about"))).isFalse();
        Source two = sources.byId("two").orElseThrow();
        assertThat(two.interval()).isEqualTo(Duration.ofHours(2));
        assertThat(two.language()).isEqualTo("de");
        assertThat(two.isArticle(java.net.URI.create("https://www.two.example/any"))).as("same site").isTrue();
        assertThat(two.isArticle(java.net.URI.create("https://elsewhere.example/any"))).isFalse();
    }

    @Test
    void everyProblemNamesFileLineAndField() {
        SourcesException e = problems("""
                crawler:
                  userAgent: stancewatch
                sources:
                  - id: good
                    home: https://good.example/
                    feeds: [https://good.example/feed]
                  - id: Bad Id
                    home: ftp://bad.example/
                    feeds: [not a url]
                    intervall: 5m
                    rate: -1
                    articles:
                      allow: ['([unclosed']
                  - id: good
                    home: https://again.example/
                    feeds: [https://again.example/feed]
                """);

        assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                "test.yml:7: sources[1].id: 'Bad Id' is not a valid id (lower-case letters, digits and '-', up to 63)",
                "test.yml:8: sources[1] (Bad Id).home: 'ftp://bad.example/' is not an http or https URL",
                "test.yml:10: sources[1].intervall: unknown field (did you mean 'interval'?)",
                "test.yml:14: sources[2].id: duplicate id 'good': each source needs its own");
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.field()).isEqualTo("sources[1] (Bad Id).feeds[0]");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.field()).isEqualTo("sources[1] (Bad Id).rate");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).startsWith("not a valid regular expression");
        });
    }

    @Test
    void theStateRetentionDefaultsToThirtyDaysAndMustOutlastTheRevisionWindow() {
        String source = """
                sources:
                  - id: one
                    home: https://one.example/
                    feeds: [https://one.example/feed]
                """;
        assertThat(SourcesFile.parse("test.yml", source.getBytes(StandardCharsets.UTF_8)).settings().stateRetention())
                .isEqualTo(Duration.ofDays(30));
        assertThat(SourcesFile.bundled().settings().stateRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(SourcesFile.parse("test.yml", ("crawler:\n  stateRetention: 90d\n" + source)
                .getBytes(StandardCharsets.UTF_8)).settings().stateRetention()).isEqualTo(Duration.ofDays(90));

        SourcesException e = problems("crawler:\n  revisitFor: 3d\n  stateRetention: 2d\n" + source);

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "test.yml:3: crawler.stateRetention: must be longer than crawler.revisitFor: an article still checked "
                        + "for revisions must keep its state");
    }

    @Test
    void theHealthThresholdsAreReadWithTheirDefaultsAndAMistakeNamesItsLine() {
        String source = """
                sources:
                  - id: one
                    home: https://one.example/
                    feeds: [https://one.example/feed]
                """;
        assertThat(SourcesFile.parse("test.yml", source.getBytes(StandardCharsets.UTF_8)).settings().health())
                .isEqualTo(org.stancewatch.ingest.source.HealthSettings.defaults());
        assertThat(SourcesFile.bundled().settings().health()).isEqualTo(org.stancewatch.ingest.source.HealthSettings.defaults());
        var health = SourcesFile.parse("test.yml", ("crawler:\n  health:\n    silentAfter: 6\n    goneAfterVisits: 3\n"
                + "    window: 14d\n" + source).getBytes(StandardCharsets.UTF_8)).settings().health();
        assertThat(health.silentAfter()).isEqualTo(6);
        assertThat(health.goneAfterVisits()).isEqualTo(3);
        assertThat(health.window()).isEqualTo(Duration.ofDays(14));

        SourcesException e = problems("crawler:\n  health:\n    failingShare: 2\n    goneAfterVisit: 3\n"
                + "    failingVisits: 50\n" + source);

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "test.yml:3: crawler.health.failingShare: expected a number above 0 and at most 1.0",
                "test.yml:4: crawler.health.goneAfterVisit: unknown field (did you mean 'goneAfterVisits'?)",
                "test.yml:5: crawler.health.failingVisits: at most 20 (the visits a source's state keeps)");
    }

    @Test
    void aDisabledSourceIsValidatedAndKeptApartWithItsReason() {
        Sources sources = SourcesFile.parse("test.yml", """
                sources:
                  - id: open
                    home: https://open.example/
                    feeds: [https://open.example/rss]
                  - id: closed
                    home: https://closed.example/
                    feeds: [https://closed.example/rss]
                    disabled: "robots.txt disallows every crawler"
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(sources.sources()).extracting(Source::id).containsExactly("open");
        assertThat(sources.disabled()).singleElement().satisfies(d -> {
            assertThat(d.source().id()).isEqualTo("closed");
            assertThat(d.reason()).isEqualTo("robots.txt disallows every crawler");
        });
    }

    @Test
    void aDisabledSourceNeedsItsReasonAsTextAndIsCheckedLikeTheOthers() {
        SourcesException e = problems("""
                sources:
                  - id: open
                    home: https://open.example/
                    feeds: [https://open.example/rss]
                  - id: closed
                    home: https://closed.example/
                    disabled: true
                """);

        assertThat(e.problems()).extracting(ConfigProblem::line, ConfigProblem::field).contains(
                tuple(7, "sources[1].disabled"),
                tuple(5, "sources[1] (closed)"));
        assertThat(e.problems()).filteredOn(p -> p.field().endsWith(".disabled")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("reason", "as text"));
    }

    @Test
    void aFileWhoseSourcesAreAllDisabledWouldCrawlNothingAndSaysSo() {
        SourcesException e = problems("""
                sources:
                  - id: closed
                    home: https://closed.example/
                    feeds: [https://closed.example/rss]
                    disabled: "gone"
                """);

        assertThat(e.problems()).extracting(ConfigProblem::message).contains(
                "every source is disabled: nothing would be crawled");
    }

    @Test
    void aSourceWithoutAnythingToReadIsAProblem() {
        SourcesException e = problems("""
                sources:
                  - id: lonely
                    home: https://lonely.example/
                """);

        assertThat(e.getMessage()).contains("test.yml:2", "needs at least one of 'feeds', 'sitemaps' or 'sections'");
    }

    @Test
    void brokenYamlReportsItsLine() {
        SourcesException e = problems("""
                sources:
                  - id: a
                    home: [unclosed
                """);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void aKeyWrittenTwiceIsAProblemWithItsLine() {
        SourcesException e = problems("""
                sources:
                  - id: a
                    home: https://a.example/
                    feeds: [https://a.example/feed]
                    home: https://b.example/
                """);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("home");
            assertThat(p.line()).isEqualTo(5);
        });
    }

    @Test
    void durationsAndSizesHaveReadableForms() {
        assertThat(Quantities.duration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Quantities.duration("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThat(Quantities.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Quantities.size("8MB")).isEqualTo(8L * 1024 * 1024);
        assertThat(problems("crawler: {fetchTimeout: soon}\nsources: []").getMessage())
                .contains("crawler.fetchTimeout: 'soon' is not a duration");
    }
}
