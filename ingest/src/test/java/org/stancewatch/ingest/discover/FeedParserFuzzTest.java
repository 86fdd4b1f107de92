package org.stancewatch.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.fuzz.Fuzz;
import org.stancewatch.fuzz.Generator;
import org.stancewatch.fuzz.HostileBytes;
import org.stancewatch.ingest.fuzz.ContentTypes;

/** The feed parser on hostile bytes: it returns links or says {@code malformed-feed}, and nothing else, quickly. */
class FeedParserFuzzTest {
    private static final URI FEED = URI.create("http://herald.test/feed.rss");

    @Test
    void anyBytesGiveLinksOrAMalformedFeed() {
        List<byte[]> seeds = List.of(HostileBytes.resource("/site/herald.test/feed.rss"),
                HostileBytes.resource("/site/wire.test/feed.atom"));
        Generator<byte[]> feeds = Generator.oneOf(Generator.bytes(4096), HostileBytes.mutationsOf(seeds),
                HostileBytes.deepNesting(20_000, "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title>"
                        + "<link>http://herald.test/a</link><description>", "<b>", "x", "</b>", "</description></item></channel></rss>"),
                HostileBytes.deepNesting(20_000, "", "<rss>", "", "</rss>", ""),
                HostileBytes.huge("<rss version=\"2.0\"><channel><title>t</title><item><link>http://herald.test/%s</link>"
                        + "<title a=\"%s\">t</title></item></channel></rss>"));

        Fuzz.check(feeds, ContentTypes.hostile(), (body, contentType) -> {
            try {
                List<DiscoveredLink> links = FeedParser.parse(FEED, body, contentType);
                assertThat(links).hasSizeLessThanOrEqualTo(FeedParser.MAX_ENTRIES)
                        .allSatisfy(link -> assertThat(link.url().getHost()).isNotNull());
            } catch (DiscoveryException e) {
                assertThat(e.reason()).isEqualTo("malformed-feed");
            }
        });
    }
}
