package org.stancewatch.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.testsite.FixtureServer;
import org.stancewatch.ingest.testsite.Routes;

class SitemapParserTest {
    private static final long LIMIT = 1024 * 1024;

    private static byte[] resource(String path) throws Exception {
        return new String(FixtureServer.class.getResourceAsStream(path).readAllBytes(), StandardCharsets.UTF_8)
                .replace("${port}", "8080").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anIndexListsItsSitemapsNewestFirst() throws Exception {
        SitemapParser.Sitemap index = SitemapParser.parse(URI.create("http://gazette.test:8080/sitemap_index.xml"),
                resource("/site/gazette.test/sitemap_index.xml"), "application/xml", LIMIT);

        assertThat(index.index()).isTrue();
        assertThat(index.sitemaps()).extracting(URI::getPath).containsExactly("/sitemap-news.xml", "/sitemap-archive.xml");
    }

    @Test
    void aNewsSitemapGivesPublicationDatesAndTitles() throws Exception {
        SitemapParser.Sitemap news = SitemapParser.parse(URI.create("http://gazette.test:8080/sitemap-news.xml"),
                resource("/site/gazette.test/sitemap-news.xml"), "application/xml", LIMIT);

        assertThat(news.links()).first().satisfies(l -> {
            assertThat(l.url().getPath()).isEqualTo("/news/nato-summit-lisbon.html");
            assertThat(l.published()).hasToString("2010-11-20T18:45:00Z");
            assertThat(l.title()).isEqualTo("NATO invites Russia into missile shield at Lisbon summit");
        });
    }

    @Test
    void aSitemapWithoutAContentTypeIsRecognisedByItsContent() throws Exception {
        // found by SitemapParserFuzzTest: crawler-commons threw a NullPointerException on a null type
        byte[] index = resource("/site/gazette.test/sitemap_index.xml");
        for (String missing : new String[] {null, "", "  "}) {
            SitemapParser.Sitemap sitemap = SitemapParser.parse(URI.create("http://gazette.test:8080/sitemap_index.xml"),
                    index, missing, LIMIT);

            assertThat(sitemap.index()).as("type " + missing).isTrue();
            assertThat(sitemap.sitemaps()).as("type " + missing).isNotEmpty();
        }
    }

    @Test
    void aHugeSitemapIsReadOnlyUpToTheProtocolLimit() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < 60_000; i++) {
            xml.append("<url><loc>http://big.test/a/").append(i).append("</loc></url>");
        }
        xml.append("</urlset>");

        SitemapParser.Sitemap huge = SitemapParser.parse(URI.create("http://big.test/sitemap.xml"),
                xml.toString().getBytes(StandardCharsets.UTF_8), "application/xml", 8 * LIMIT);

        assertThat(huge.links()).hasSize(SitemapParser.MAX_URLS);
    }

    @Test
    void aGzippedSitemapThatInflatesPastTheLimitIsRefused() {
        byte[] bomb = Routes.GzipBomb.bomb(16);

        DiscoveryException e = catchThrowableOfType(DiscoveryException.class,
                () -> SitemapParser.parse(URI.create("http://big.test/sitemap.xml.gz"), bomb, "application/gzip", LIMIT));

        assertThat(e.reason()).isEqualTo("too-large");
    }

    @Test
    void anExternalEntityInASitemapIsNotResolved() throws Exception {
        try (FixtureServer server = new FixtureServer()) {
            String xxe = """
                    <?xml version="1.0"?>
                    <!DOCTYPE urlset [<!ENTITY call SYSTEM "http://127.0.0.1:%d/xxe">]>
                    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://a.test/&call;</loc></url></urlset>
                    """.formatted(server.port());

            try {
                SitemapParser.Sitemap parsed = SitemapParser.parse(URI.create("http://a.test/sitemap.xml"),
                        xxe.getBytes(StandardCharsets.UTF_8), "application/xml", LIMIT);
                assertThat(parsed.links()).allSatisfy(l -> assertThat(l.url().toString()).doesNotContain("stolen"));
            } catch (DiscoveryException e) {
                assertThat(e.reason()).isEqualTo("malformed-sitemap");
            }
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void garbageIsAMalformedSitemap() {
        DiscoveryException e = catchThrowableOfType(DiscoveryException.class, () -> SitemapParser.parse(
                URI.create("http://a.test/sitemap.xml"), "<urlset><url><loc>".getBytes(), "application/xml", LIMIT));

        assertThat(e.reason()).isEqualTo("malformed-sitemap");
    }
}
