package org.stancewatch.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stancewatch.ingest.fuzz.Bounded;
import org.stancewatch.ingest.fuzz.HostileInputs;

/** The sitemap parser on hostile bytes, plain or gzipped: a sitemap, or {@code malformed-sitemap} / {@code too-large}. */
class SitemapParserFuzzTest {
    private static final URI SITEMAP = URI.create("http://gazette.test/sitemap.xml");
    private static final long MAX_BYTES = 1024 * 1024;

    @Provide
    Arbitrary<byte[]> sitemaps() {
        List<byte[]> seeds = List.of(HostileInputs.resource("/site/gazette.test/sitemap_index.xml"),
                HostileInputs.resource("/site/gazette.test/sitemap-news.xml"),
                HostileInputs.resource("/site/gazette.test/sitemap-archive.xml"));
        Arbitrary<byte[]> xml = Arbitraries.oneOf(HostileInputs.randomBytes(), HostileInputs.mutationsOf(seeds),
                HostileInputs.deepNesting("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url>"
                        + "<loc>http://gazette.test/news/a.html</loc>", "<x>", "y", "</x>", "</url></urlset>"),
                HostileInputs.deepNesting("", "<sitemapindex>", "", "</sitemapindex>", ""),
                HostileInputs.huge("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url>"
                        + "<loc>http://gazette.test/%s</loc><lastmod a=\"%s\">2011-05-01</lastmod></url></urlset>"));
        // gzipped as sites serve them, whole or cut short
        Arbitrary<byte[]> gzipped = Arbitraries.integers().between(0, 100).flatMap(cutPercent -> xml.map(bytes -> {
            byte[] gz = gzip(bytes);
            return Arrays.copyOf(gz, Math.max(3, gz.length * (100 - cutPercent) / 100));
        }));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, xml), net.jqwik.api.Tuple.of(1, gzipped));
    }

    @Provide
    Arbitrary<String> types() {
        return HostileInputs.contentTypes();
    }

    @Property(tries = 200)
    void anyBytesGiveASitemapOrADeclaredFailure(@ForAll("sitemaps") byte[] body, @ForAll("types") String contentType) {
        Bounded.run(() -> {
            try {
                SitemapParser.Sitemap sitemap = SitemapParser.parse(SITEMAP, body, contentType, MAX_BYTES);
                assertThat(sitemap.links()).hasSizeLessThanOrEqualTo(SitemapParser.MAX_URLS);
                assertThat(sitemap.sitemaps()).hasSizeLessThanOrEqualTo(SitemapParser.MAX_URLS);
            } catch (DiscoveryException e) {
                assertThat(e.reason()).isIn("malformed-sitemap", "too-large");
            }
        });
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
