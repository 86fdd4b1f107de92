package org.stancewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.DateSource;

/**
 * The failures seen on saved pages of configured outlets, each reproduced by a small
 * fixture under {@code pages/real-web/} with the structure that caused it.
 */
class RealWebFailuresTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    private static byte[] page(String name) throws IOException {
        try (InputStream in = RealWebFailuresTest.class.getResourceAsStream("/pages/real-web/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anArticleBodyTheMarkupDeclaresIsFoundInsideAShareContainerAmongMenus() throws Exception {
        // Politico Europe: the page is mostly menu links, and the body sits in a container named
        // after the share tools, which pruning took with it: "not-an-article", no text.
        Extraction e = extractor.extract(URI.create("https://www.politico.eu/article/eu-accession-talks-ukraine-moldova/"),
                page("politico-share-container.html"), "text/html");

        assertThat(e.text()).startsWith("BRUSSELS — European Union ministers agreed")
                .endsWith("expected to dominate the next European Council summit.")
                .doesNotContain("Section number", "More from the newsroom");
    }

    @Test
    void anArticleTheDomLacksIsReadFromJsonLdArticleBody() throws Exception {
        // The article is rendered by script; the page ships it only as NewsArticle.articleBody.
        Extraction e = extractor.extract(URI.create("https://www.politico.eu/article/eu-accession-talks/"),
                page("jsonld-article-body.html"), "text/html");

        assertThat(e.text()).startsWith("BRUSSELS — European Union ministers agreed").doesNotContain("Loading");
        assertThat(e.text().split("\n\n")).hasSize(5);
        assertThat(e.authors()).containsExactly("Camille Gijs");
    }

    @Test
    void aPrivacyNoticeIsNeverTakenForTheArticleOrPartOfIt() throws Exception {
        // Reuters: a California privacy notice, plain sentences with no telling class name,
        // outweighed the wire story beside it.
        Extraction e = extractor.extract(URI.create("https://www.reuters.com/world/uk/uk-house-prices-rise-2023-05-02/"),
                page("reuters-privacy-notice.html"), "text/html");

        assertThat(e.text()).startsWith("LONDON, May 2 (Reuters) - British house prices rose")
                .endsWith("push mortgage costs higher for millions of households.")
                .doesNotContain("California", "personal information", "Do Not Sell");
    }

    @Test
    void theTitleLosesTheSiteNameAndDateAndTheBylineIsNotTheOutlet() throws Exception {
        // DW: "Sudan ceasefire extended by 72 hours | DW | 28.04.2023", no date in the markup, and
        // the author meta tag names the outlet; the date and the byline are labelled fields.
        Extraction e = extractor.extract(URI.create("https://www.dw.com/en/sudan-ceasefire-extended/a-65471234"),
                page("dw-article.html"), "text/html");

        assertThat(e.title()).isEqualTo("Sudan ceasefire extended by 72 hours");
        assertThat(e.published()).hasValueSatisfying(p -> {
            assertThat(p.instant()).hasToString("2023-04-28T00:00:00Z");
            assertThat(p.source()).isEqualTo(DateSource.TIME);
        });
        assertThat(e.authors()).containsExactly("Martina Schwikowski");
    }
}
