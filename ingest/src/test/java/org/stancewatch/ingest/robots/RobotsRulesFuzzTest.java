package org.stancewatch.ingest.robots;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stancewatch.ingest.fuzz.Bounded;
import org.stancewatch.ingest.fuzz.HostileInputs;

/**
 * The robots.txt parser on hostile bytes. It declares no failure: whatever the file, it gives
 * rules that answer for any path, a Crawl-delay that is absent or positive, and quickly.
 */
class RobotsRulesFuzzTest {
    private static final URI ROBOTS = URI.create("http://herald.test/robots.txt");

    @Provide
    Arbitrary<byte[]> files() {
        byte[] rich = """
                # a file with every directive
                User-agent: stancewatch
                Allow: /news/*.html$
                Disallow: /news/private
                Crawl-delay: 2.5
                Sitemap: http://herald.test/sitemap.xml

                User-agent: *
                Disallow: /
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<byte[]> seeds = List.of(HostileInputs.resource("/site/herald.test/robots.txt"),
                HostileInputs.resource("/site/wire.test/robots.txt"), rich);
        return Arbitraries.oneOf(HostileInputs.randomBytes(), HostileInputs.mutationsOf(seeds),
                HostileInputs.huge("User-agent: *\nDisallow: /%s*%s$\nCrawl-delay: %s\n"),
                HostileInputs.huge("User-agent: stancewatch\nAllow: /" + "*a".repeat(200) + "%s\n"),
                Arbitraries.of("Crawl-delay: 99999999999999999999", "Crawl-delay: -5", "Crawl-delay: NaN",
                        "Crawl-delay: 1e308", "Crawl-delay: 0.0000001", "\uFEFFUser-agent: *\nCrawl-delay: 3")
                        .map(line -> ("User-agent: *\n" + line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.oneOf(Arbitraries.of("/", "/news/a.html", "/news/private/x", "/%ZZ", "/a?b=c#d"),
                Arbitraries.strings().withChars("/a*$?%.:#").ofMaxLength(300).map(s -> "/" + s.replace("#", "")));
    }

    @Property(tries = 200)
    void anyFileGivesRulesThatAnswer(@ForAll("files") byte[] body, @ForAll("paths") String path) {
        Bounded.run(() -> {
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
