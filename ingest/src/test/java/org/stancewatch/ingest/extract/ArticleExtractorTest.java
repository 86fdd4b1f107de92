package org.stancewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.DateSource;

/** Extraction over fixture pages: what it keeps, what it drops, and each page that is no article. */
class ArticleExtractorTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    private static byte[] page(String path) throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${port}", "80").getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsTheArticleAndDropsTheBoilerplateAroundIt() throws Exception {
        Extraction e = extractor.extract(URI.create("http://herald.test/2011/03/17/reset-talks/"),
                page("/site/herald.test/2011/03/17/reset-talks/index.html"), "text/html; charset=utf-8");

        assertThat(e.title()).isEqualTo("Lavrov and Clinton open \"reset\" talks in Geneva");
        assertThat(e.text()).startsWith("GENEVA — Sergei Lavrov and Hillary Clinton")
                .contains("\"We have agreed to look at our relationship with fresh eyes,\"")
                .endsWith("regard any concession as weakness.");
        assertThat(e.text()).doesNotContain("NATO weighs expansion", "newsletter", "Donate", "reader42", "cookies",
                "Share on Facebook", "Oil prices climb", "All rights reserved", "Photo: Herald staff", "Related");
        assertThat(e.published()).hasValueSatisfying(p -> {
            assertThat(p.source()).isEqualTo(DateSource.JSON_LD);
            assertThat(p.instant()).hasToString("2011-03-17T08:15:00Z");
        });
        assertThat(e.authors()).containsExactly("Anna Petrova", "James Whitfield");
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.canonicalUrl()).isEqualTo("http://herald.test:80/2011/03/17/reset-talks/");
        assertThat(e.outlet()).isEqualTo("herald.test");
    }

    @Test
    void datesComeFromMetaTagsTimeElementsOrTheUrl() throws Exception {
        assertThat(extractor.extract(URI.create("http://herald.test/2011/04/02/missile-defense-row/"),
                page("/site/herald.test/2011/04/02/missile-defense-row/index.html"), "text/html").published())
                .hasValueSatisfying(p -> assertThat(p.source()).isEqualTo(DateSource.META));
        Extraction transit = extractor.extract(URI.create("http://herald.test/x"),
                page("/site/herald.test/2011/06/01/afghan-transit/index.html"), "text/html");
        assertThat(transit.published()).hasValueSatisfying(p -> {
            assertThat(p.source()).isEqualTo(DateSource.TIME);
            assertThat(p.instant()).hasToString("2011-06-01T08:30:00Z");
        });
        assertThat(transit.authors()).containsExactly("Olga Ivanova");
        assertThat(extractor.extract(URI.create("http://gazette.test/2011/03/20/no-date/"), page("/pages/no-date.html"), "text/html")
                .published()).hasValueSatisfying(p -> assertThat(p.source()).isEqualTo(DateSource.URL));
    }

    @Test
    void aPageWithNoDateAnywhereHasNone() throws Exception {
        Extraction e = extractor.extract(URI.create("http://gazette.test/news/beyond-the-reset"), page("/pages/no-date.html"), "text/html");

        assertThat(e.published()).isEmpty();
        assertThat(e.text()).contains("Two years after the reset began");
    }

    @Test
    void aPageDeclaredAsLatin1ButWrittenInUtf8IsReadAsUtf8() throws Exception {
        Extraction e = extractor.extract(URI.create("http://x.test/a"), page("/pages/wrong-charset.html"), "text/html; charset=iso-8859-1");

        assertThat(e.title()).isEqualTo("Café diplomacy in Zürich");
        assertThat(e.text()).contains("naïve hope of a quick détente", "the other’s terms");
    }

    @Test
    void aPdfServedAsAnArticleIsNotHtml() throws Exception {
        byte[] pdf = ArticleExtractorTest.class.getResourceAsStream("/site/herald.test/files/report.pdf").readAllBytes();

        ExtractionException asPdf = catchThrowableOfType(ExtractionException.class,
                () -> extractor.extract(URI.create("http://herald.test/files/report.pdf"), pdf, "application/pdf"));
        ExtractionException disguised = catchThrowableOfType(ExtractionException.class,
                () -> extractor.extract(URI.create("http://herald.test/story"), pdf, "text/html"));

        assertThat(asPdf.reason()).isEqualTo(ExtractionException.Reason.NOT_HTML);
        assertThat(disguised.reason()).isEqualTo(ExtractionException.Reason.NOT_HTML);
    }

    @Test
    void aListingPageIsNotAnArticle() throws Exception {
        ExtractionException declared = catchThrowableOfType(ExtractionException.class,
                () -> extractor.extract(URI.create("http://gazette.test/europe/"), page("/pages/listing.html"), "text/html"));
        ExtractionException links = catchThrowableOfType(ExtractionException.class,
                () -> extractor.extract(URI.create("http://gazette.test/archive/"), page("/pages/links-only.html"), "text/html"));

        assertThat(declared.reason()).isEqualTo(ExtractionException.Reason.NOT_AN_ARTICLE);
        assertThat(links.reason()).isEqualTo(ExtractionException.Reason.NOT_AN_ARTICLE);
    }

    @Test
    void aPageWithoutTextIsAnEmptyExtraction() throws Exception {
        ExtractionException e = catchThrowableOfType(ExtractionException.class,
                () -> extractor.extract(URI.create("http://gazette.test/video/1"), page("/pages/empty.html"), "text/html"));

        assertThat(e.reason()).isEqualTo(ExtractionException.Reason.EMPTY_EXTRACTION);
        assertThat(e.getMessage()).contains("words");
    }

    @Test
    void nonEnglishArticlesAreReadWithTheirLanguage() throws Exception {
        Extraction e = extractor.extract(URI.create("http://gazette.test/news/de/abruestung.html"),
                page("/site/gazette.test/news/de/abruestung.html"), "text/html");

        assertThat(e.language()).isEqualTo("de");
        assertThat(e.isEnglish()).isFalse();
    }

    @Test
    void theSameInputGivesTheSameExtraction() throws Exception {
        byte[] html = page("/site/gazette.test/news/nato-summit-lisbon.html");
        URI url = URI.create("http://gazette.test/news/nato-summit-lisbon.html");

        assertThat(extractor.extract(url, html, "text/html")).isEqualTo(extractor.extract(url, html, "text/html"));
    }
}
