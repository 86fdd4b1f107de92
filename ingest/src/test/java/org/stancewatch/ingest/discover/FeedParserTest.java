package org.stancewatch.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.Routes;

class FeedParserTest {
    private static final URI FEED = URI.create("http://herald.test/feed.rss");

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsRssEntriesWithResolvedLinksAndDates() throws Exception {
        byte[] rss = new String(FixtureServer.class.getResourceAsStream("/site/herald.test/feed.rss").readAllBytes(),
                StandardCharsets.UTF_8).replace(":${port}", "").getBytes(StandardCharsets.UTF_8);

        List<DiscoveredLink> links = FeedParser.parse(FEED, rss, "application/rss+xml");

        assertThat(links).hasSize(8);
        assertThat(links.get(2).url()).isEqualTo(URI.create("http://herald.test/2011/03/17/reset-talks/"));
        assertThat(links.get(2).published()).hasToString("2011-03-17T09:15:00Z");
        assertThat(links.get(2).title()).isEqualTo("Lavrov and Clinton open \"reset\" talks in Geneva");
    }

    @Test
    void readsAtomAndRdfFeeds() throws Exception {
        byte[] atom = FixtureServer.class.getResourceAsStream("/site/wire.test/feed.atom").readAllBytes();
        assertThat(FeedParser.parse(URI.create("http://wire.test/feed.atom"), atom, "application/atom+xml"))
                .extracting(l -> l.url().getPath()).containsExactly("/stories/new-start-ratified", "/stories/medvedev-visit");

        String rdf = """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="http://dw.test/"><title>DW</title><link>http://dw.test/</link><description>d</description></channel>
                  <item rdf:about="http://dw.test/en/story/a-1"><title>One</title><link>http://dw.test/en/story/a-1</link>
                    <dc:date>2011-02-01T10:00:00Z</dc:date></item>
                </rdf:RDF>
                """;
        List<DiscoveredLink> links = FeedParser.parse(URI.create("http://dw.test/rdf"), bytes(rdf), "application/rdf+xml");
        assertThat(links).singleElement().satisfies(l -> {
            assertThat(l.url()).hasToString("http://dw.test/en/story/a-1");
            assertThat(l.published()).hasToString("2011-02-01T10:00:00Z");
        });
    }

    @Test
    void malformedRssIsRejectedAsMalformedFeed() {
        DiscoveryException e = catchThrowableOfType(DiscoveryException.class,
                () -> FeedParser.parse(FEED, bytes("<rss version=\"2.0\"><channel><item><title>x</item></channel>"), "application/rss+xml"));

        assertThat(e.reason()).isEqualTo("malformed-feed");
        assertThat(catchThrowableOfType(DiscoveryException.class,
                () -> FeedParser.parse(FEED, bytes("<html><body>not a feed</body></html>"), "text/html")).reason())
                .isEqualTo("malformed-feed");
    }

    @Test
    void anExternalEntityNamingALocalFileIsNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <rss version="2.0"><channel><title>t</title><link>http://x/</link><description>d</description>
                <item><title>&secret;</title><link>http://herald.test/a</link></item></channel></rss>
                """;

        DiscoveryException e = catchThrowableOfType(DiscoveryException.class,
                () -> FeedParser.parse(FEED, bytes(xxe), "application/rss+xml"));

        assertThat(e.reason()).isEqualTo("malformed-feed");
        assertThat(e.getMessage()).containsIgnoringCase("doctype");
    }

    @Test
    void anExternalEntityNamingAUrlMakesNoRequest() throws Exception {
        try (FixtureServer server = new FixtureServer()) {
            server.route("evil.test", "/xxe", new Routes.Body("text/plain", bytes("stolen")));
            String xxe = """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [<!ENTITY call SYSTEM "%s">]>
                    <rss version="2.0"><channel><title>&call;</title><link>http://x/</link><description>d</description>
                    </channel></rss>
                    """.formatted("http://127.0.0.1:" + server.port() + "/xxe");

            catchThrowableOfType(DiscoveryException.class, () -> FeedParser.parse(FEED, bytes(xxe), "application/rss+xml"));

            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aFeedNestedThousandsOfLevelsDeepIsMalformedNotAStackOverflow() {
        // Found by FeedParserFuzzTest at 18,521 levels (fuzz inputs are not shrunk);
        // cut by hand to 3,000, 21 KB, where Rome's recursive rendering overflowed a default stack.
        String deep = "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title>"
                + "<link>http://herald.test/a</link><description>" + "<b>".repeat(3_000) + "x" + "</b>".repeat(3_000)
                + "</description></item></channel></rss>";

        assertThatThrownBy(() -> FeedParser.parse(FEED, bytes(deep), "application/rss+xml"))
                .isInstanceOfSatisfying(DiscoveryException.class, e -> {
                    assertThat(e.reason()).isEqualTo("malformed-feed");
                    assertThat(e.getMessage()).contains("nested more than");
                });
    }
}
