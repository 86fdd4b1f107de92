package org.stancewatch.ingest.robots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stancewatch.fuzz.HostileBytes.utf8;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.fuzz.Fuzz;
import org.stancewatch.fuzz.Generator;
import org.stancewatch.fuzz.HostileBytes;

/**
 * The robots.txt parser on hostile bytes. It declares no failure: whatever the file, it gives
 * rules that answer for any path, a Crawl-delay that is absent or positive, and quickly.
 */
class RobotsRulesFuzzTest {
    private static final URI ROBOTS = URI.create("http://herald.test/robots.txt");
    private static final byte[] EVERY_DIRECTIVE = utf8("""
            # a file with every directive
            User-agent: stancewatch
            Allow: /news/*.html$
            Disallow: /news/private
            Crawl-delay: 2.5
            Sitemap: http://herald.test/sitemap.xml

            User-agent: *
            Disallow: /
            """);
    private static final Generator<String> ODD_CRAWL_DELAYS = Generator.elementOf(List.of(
            "Crawl-delay: 99999999999999999999", "Crawl-delay: -5", "Crawl-delay: NaN", "Crawl-delay: 1e308",
            "Crawl-delay: 0.0000001", "\uFEFFUser-agent: *\nCrawl-delay: 3"));

    @Test
    void anyFileGivesRulesThatAnswer() {
        List<byte[]> seeds = List.of(HostileBytes.resource("/site/herald.test/robots.txt"),
                HostileBytes.resource("/site/wire.test/robots.txt"), EVERY_DIRECTIVE);
        Generator<byte[]> files = Generator.oneOf(Generator.bytes(4096), HostileBytes.mutationsOf(seeds),
                HostileBytes.huge("User-agent: *\nDisallow: /%s*%s$\nCrawl-delay: %s\n"),
                HostileBytes.huge("User-agent: stancewatch\nAllow: /" + "*a".repeat(200) + "%s\n"),
                random -> utf8("User-agent: *\n" + ODD_CRAWL_DELAYS.next(random) + "\n"));
        Generator<String> odd = Generator.strings("/a*$?%.:#", 300);
        Generator<String> paths = Generator.oneOf(
                Generator.elementOf(List.of("/", "/news/a.html", "/news/private/x", "/%ZZ", "/a?b=c#d")),
                random -> "/" + odd.next(random).replace("#", ""));

        Fuzz.check(files, paths, (body, path) -> {
            RobotsRules rules = RobotsRules.parse(ROBOTS, body, "stancewatch");
            URI url;
            try {
                url = URI.create("http://herald.test" + path);
            } catch (IllegalArgumentException e) {
                url = URI.create("http://herald.test/");
            }
            rules.allows(url);
            rules.crawlDelay().ifPresent(delay -> assertThat(delay).isPositive());
            assertThat(rules.sitemaps()).isNotNull();
        });
    }
}
