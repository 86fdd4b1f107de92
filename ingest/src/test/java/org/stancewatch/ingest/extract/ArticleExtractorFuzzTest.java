package org.stancewatch.ingest.extract;

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

/** The article extractor on hostile pages: an article, or one of its three declared reasons, and quickly. */
class ArticleExtractorFuzzTest {
    private static final URI PAGE = URI.create("http://herald.test/2011/03/17/reset-talks/");
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Provide
    Arbitrary<byte[]> pages() {
        List<byte[]> seeds = List.of(HostileInputs.resource("/site/herald.test/2011/03/17/reset-talks/index.html"),
                HostileInputs.resource("/site/herald.test/2011/06/01/afghan-transit/index.html"),
                HostileInputs.resource("/site/gazette.test/news/de/abruestung.html"),
                HostileInputs.resource("/site/wire.test/stories/medvedev-visit/index.html"),
                HostileInputs.resource("/pages/wrong-charset.html"), HostileInputs.resource("/pages/listing.html"));
        return Arbitraries.oneOf(HostileInputs.randomBytes(), HostileInputs.mutationsOf(seeds),
                HostileInputs.deepNesting("<html><body><article><h1>t</h1>", "<div><p>", "word ".repeat(50),
                        "</p></div>", "</article></body></html>"),
                HostileInputs.deepNesting("<html><head><script type=\"application/ld+json\">", "{\"a\":[", "1",
                        "]}", "</script></head><body><p>x</p></body></html>"),
                HostileInputs.huge("<html><head><meta name=\"description\" content=\"%s\"><title>%s</title>"
                        + "<meta charset=\"%s\"></head><body><article><p>%s</p></article></body></html>"));
    }

    @Provide
    Arbitrary<String> types() {
        return HostileInputs.contentTypes();
    }

    @Property(tries = 200)
    void anyPageGivesAnArticleOrADeclaredReason(@ForAll("pages") byte[] body, @ForAll("types") String contentType) {
        Bounded.run(() -> {
            try {
                Extraction extraction = extractor.extract(PAGE, body, contentType);
                assertThat(extraction.text()).isNotBlank();
            } catch (ExtractionException e) {
                assertThat(e.reason()).isNotNull();
            }
        });
    }
}
