package org.stancewatch.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stancewatch.ingest.fuzz.Bounded;
import org.stancewatch.ingest.fuzz.HostileInputs;

/** The feed parser on hostile bytes: it returns links or says {@code malformed-feed}, and nothing else, quickly. */
class FeedParserFuzzTest {
    private static final URI FEED = URI.create("http://herald.test/feed.rss");

    @Provide
    Arbitrary<byte[]> feeds() {
        List<byte[]> seeds = List.of(HostileInputs.resource("/site/herald.test/feed.rss"),
                HostileInputs.resource("/site/wire.test/feed.atom"));
        return Arbitraries.oneOf(HostileInputs.randomBytes(), HostileInputs.mutationsOf(seeds),
                HostileInputs.deepNesting("<rss version=\"2.0\"><channel><title>t</title><item><title>a</title>"
                        + "<link>http://herald.test/a</link><description>", "<b>", "x", "</b>", "</description></item></channel></rss>"),
                HostileInputs.deepNesting("", "<rss>", "", "</rss>", ""),
                HostileInputs.huge("<rss version=\"2.0\"><channel><title>t</title><item><link>http://herald.test/%s</link>"
                        + "<title a=\"%s\">t</title></item></channel></rss>"));
    }

    @Property(tries = 200)
    void anyBytesGiveLinksOrAMalformedFeed(@ForAll("feeds") byte[] body, @ForAll("types") String contentType) {
        Bounded.run(() -> {
            try {
                List<DiscoveredLink> links = FeedParser.parse(FEED, body, contentType);
                assertThat(links).hasSizeLessThanOrEqualTo(FeedParser.MAX_ENTRIES)
                        .allSatisfy(link -> assertThat(link.url().getHost()).isNotNull());
            } catch (DiscoveryException e) {
                assertThat(e.reason()).isEqualTo("malformed-feed");
            }
        });
    }

    @Provide
    Arbitrary<String> types() {
        return HostileInputs.contentTypes();
    }
}
