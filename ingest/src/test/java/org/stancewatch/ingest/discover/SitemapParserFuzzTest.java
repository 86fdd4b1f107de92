package org.stancewatch.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.stancewatch.fuzz.Fuzz;
import org.stancewatch.fuzz.Generator;
import org.stancewatch.fuzz.HostileBytes;
import org.stancewatch.ingest.fuzz.ContentTypes;

/** The sitemap parser on hostile bytes, plain or gzipped: a sitemap, or {@code malformed-sitemap} / {@code too-large}. */
class SitemapParserFuzzTest {
    private static final URI SITEMAP = URI.create("http://gazette.test/sitemap.xml");
    private static final long MAX_BYTES = 1024 * 1024;
    private static final Generator<Integer> CUT_PERCENT = Generator.between(0, 100);

    @Test
    void anyBytesGiveASitemapOrADeclaredFailure() {
        List<byte[]> seeds = List.of(HostileBytes.resource("/site/gazette.test/sitemap_index.xml"),
                HostileBytes.resource("/site/gazette.test/sitemap-news.xml"),
                HostileBytes.resource("/site/gazette.test/sitemap-archive.xml"));
        Generator<byte[]> xml = Generator.oneOf(Generator.bytes(4096), HostileBytes.mutationsOf(seeds),
                HostileBytes.deepNesting(20_000, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url>"
                        + "<loc>http://gazette.test/news/a.html</loc>", "<x>", "y", "</x>", "</url></urlset>"),
                HostileBytes.deepNesting(20_000, "", "<sitemapindex>", "", "</sitemapindex>", ""),
                HostileBytes.huge("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url>"
                        + "<loc>http://gazette.test/%s</loc><lastmod a=\"%s\">2011-05-01</lastmod></url></urlset>"));
        // one in five gzipped as sites serve them, whole or cut short
        Generator<byte[]> sitemaps = random -> {
            if (random.nextInt(5) > 0) {
                return xml.next(random);
            }
            int cutPercent = CUT_PERCENT.next(random);
            byte[] gz = gzip(xml.next(random));
            return Arrays.copyOf(gz, Math.max(3, gz.length * (100 - cutPercent) / 100));
        };

        Fuzz.check(sitemaps, ContentTypes.hostile(), (body, contentType) -> {
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
