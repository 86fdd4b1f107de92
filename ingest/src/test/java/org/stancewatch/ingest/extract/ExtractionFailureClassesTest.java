package org.stancewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The failure classes found on the worst pages of the development set, each
 * reproduced by a page written for this project under {@code pages/failure-classes/} with the
 * structure that caused it.
 */
class ExtractionFailureClassesTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    private String text(String name) throws Exception {
        byte[] page;
        try (InputStream in = ExtractionFailureClassesTest.class.getResourceAsStream("/pages/failure-classes/" + name)) {
            page = in.readAllBytes();
        }
        return extractor.read(URI.create("https://news.example/" + name), page, "text/html").text();
    }

    @Test
    void aContainerNamedAsBoilerplateThatHoldsTheWholeArticleIsItsFrame() throws Exception {
        // The article's container is named after a "read more" toggle; its text counted against
        // it, and a weather line beside it was taken for the article.
        assertThat(text("frame-named-as-boilerplate.html"))
                .startsWith("The harbour ferry will run every twenty minutes")
                .endsWith("until the end of October.")
                .doesNotContain("Weather for the coast");
    }

    @Test
    void aDeclaredBodyIsTheArticleEvenWhenItsLinksOutweighItsText() throws Exception {
        // Show notes: the entry-content holds more link text than prose, so its value was below
        // zero, and the citation line inside it was taken for the whole article.
        assertThat(text("declared-body-of-links.html"))
                .startsWith("We talk with a marine acoustician")
                .endsWith("under a Creative Commons licence.");
    }

    @Test
    void theElementsAroundTheMainElementAreNotPrunedForTheirLayoutNames() throws Exception {
        // <main> sits in a column named "left-navigation-wrapper", which pruning took for a menu.
        assertThat(text("main-inside-navigation-wrapper.html"))
                .startsWith("Im Mai öffnet in der Altstadt eine neue Beratungsstelle")
                .endsWith("gemeinsam bewertet werden.")
                .doesNotContain("Schuldnerberatung");
    }

    @Test
    void aWidgetWithAMenuRoleThatHoldsMostOfTheTextStays() throws Exception {
        // FAQ answers in panels of a widget marked role=tablist were removed with the role.
        assertThat(text("accordion-tab-list.html"))
                .contains("plastic film and cartons go into the yellow bin")
                .endsWith("within two weeks of the request.");
    }

    @Test
    void aNoscriptThatHoldsTheArticleIsRead() throws Exception {
        // The post is rendered by script; its text for readers without script is in <noscript>.
        assertThat(text("article-in-noscript.html"))
                .startsWith("Over the past year we have seen attacks")
                .endsWith("as the second step of signing in.")
                .doesNotContain("Older posts");
    }

    @Test
    void theAboutTheAuthorBoxAfterTheArticleEndsIt() throws Exception {
        assertThat(text("what-follows-the-article.html"))
                .endsWith("every second weekend.")
                .doesNotContain("About the author", "Sam Reed");
    }

    @Test
    void shortLinesThatAreNotSentencesAfterTheLastParagraphGoButLabelsAndListsStay() throws Exception {
        assertThat(text("labels-closing-the-article.html"))
                .contains("200 g red lentils", "1 litre of vegetable stock")
                .endsWith("Cooking time: 30 minutes")
                .doesNotContain("Print recipe card", "More soups");
    }

    @Test
    void theStandfirstAboveTheBylineIsKeptWithTheBody() throws Exception {
        assertThat(text("standfirst-above-the-body.html"))
                .startsWith("More households installed a heat pump than a new gas boiler last year")
                .contains("Installers fitted just over three hundred thousand heat pumps")
                .doesNotContain("By Alex Moreno", "12 March 2026");
    }

    @Test
    void aCommissionDisclosureAboveTheBodyIsNoStandfirst() throws Exception {
        // It reads as prose and sits where a standfirst would; its words make it a notice.
        assertThat(text("affiliate-note-above-the-body.html"))
                .startsWith("Jeder große Browser kann seine Lesezeichen")
                .doesNotContain("Provision");
    }
}
