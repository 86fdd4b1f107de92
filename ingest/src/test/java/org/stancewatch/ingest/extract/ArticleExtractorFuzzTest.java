package org.stancewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.fuzz.Fuzz;
import org.stancewatch.fuzz.Generator;
import org.stancewatch.fuzz.HostileBytes;
import org.stancewatch.ingest.fuzz.ContentTypes;

/** The article extractor on hostile pages: an article, or one of its three declared reasons, and quickly. */
class ArticleExtractorFuzzTest {
    private static final URI PAGE = URI.create("http://herald.test/2011/03/17/reset-talks/");
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void anyPageGivesAnArticleOrADeclaredReason() {
        List<byte[]> seeds = List.of(HostileBytes.resource("/site/herald.test/2011/03/17/reset-talks/index.html"),
                HostileBytes.resource("/site/herald.test/2011/06/01/afghan-transit/index.html"),
                HostileBytes.resource("/site/gazette.test/news/de/abruestung.html"),
                HostileBytes.resource("/site/wire.test/stories/medvedev-visit/index.html"),
                HostileBytes.resource("/pages/wrong-charset.html"), HostileBytes.resource("/pages/listing.html"));
        Generator<byte[]> pages = Generator.oneOf(Generator.bytes(4096), HostileBytes.mutationsOf(seeds),
                HostileBytes.deepNesting(20_000, "<html><body><article><h1>t</h1>", "<div><p>", "word ".repeat(50),
                        "</p></div>", "</article></body></html>"),
                HostileBytes.deepNesting(20_000, "<html><head><script type=\"application/ld+json\">", "{\"a\":[", "1",
                        "]}", "</script></head><body><p>x</p></body></html>"),
                HostileBytes.huge("<html><head><meta name=\"description\" content=\"%s\"><title>%s</title>"
                        + "<meta charset=\"%s\"></head><body><article><p>%s</p></article></body></html>"));

        Fuzz.check(pages, ContentTypes.hostile(), (body, contentType) -> {
            try {
                Extraction extraction = extractor.extract(PAGE, body, contentType);
                assertThat(extraction.text()).isNotBlank();
            } catch (ExtractionException e) {
                assertThat(e.reason()).isNotNull();
            }
        });
    }
}
