package org.stancewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancewatch.model.DateSource;

/** Titles, dates and bylines from every place outlets put them. */
class MetadataReaderTest {
    private static final URI URL = URI.create("https://www.dw.com/en/story/a-1");

    private static PageMetadata read(String head, String body) {
        return MetadataReader.read(Jsoup.parse("<html><head>" + head + "</head><body>" + body + "</body></html>", URL.toString()), URL);
    }

    private static String titleOf(String title, String siteName) {
        return read("<meta property='og:title' content='" + title + "'><meta property='og:site_name' content='" + siteName + "'>", "")
                .title();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = ';', value = {
        "Sudan ceasefire extended | DW | 28.04.2023; DW.COM; Sudan ceasefire extended",
        "Sudan ceasefire extended | DW; Deutsche Welle; Sudan ceasefire extended",
        "Talks resume - The Herald; The Herald; Talks resume",
        "Talks resume – The Herald | 2023-04-28; The Herald; Talks resume",
        "The Herald: Talks resume in Geneva; The Herald; Talks resume in Geneva",
        "Biden - Xi talks: what changed | Reuters; Reuters; Biden - Xi talks: what changed",
        "Left | right: the new divide; The Herald; Left | right: the new divide",
        "Q&A - Why the euro fell; The Herald; Q&A - Why the euro fell"})
    void titlesLoseTheSiteNameAndDateButKeepTheirOwnDashesAndPipes(String title, String siteName, String expected) {
        assertThat(titleOf(title, siteName)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "JSON-LD @graph; <script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebSite\"},"
                + "{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-04-28T10:00:00Z\"}]}</script>; ; JSON_LD",
        "JSON-LD array; <script type='application/ld+json'>[{\"@type\":\"NewsArticle\",\"datePublished\":[\"2023-04-28T10:00:00Z\"]}]</script>; ; JSON_LD",
        "JSON-LD WebPage; <script type='application/ld+json'>{\"@type\":\"WebPage\",\"datePublished\":\"2023-04-28T10:00:00Z\"}</script>; ; JSON_LD",
        "article:published_time; <meta property='article:published_time' content='2023-04-28T10:00:00Z'>; ; META",
        "parsely; <meta name='parsely-pub-date' content='2023-04-28T10:00:00Z'>; ; META",
        "sailthru; <meta name='sailthru.date' content='2023-04-28 10:00:00'>; ; META",
        "Dublin Core; <meta name='DC.date.issued' content='2023-04-28'>; ; META",
        "time in the header; ; <article><header><h1>Headline</h1><time datetime='2023-04-28T10:00:00Z'>28 April</time></header></article>; TIME",
        "visible under the headline; ; <h1>Headline</h1><p class='meta'>28.04.2023 | 10:00</p><p>Text of the article.</p>; TIME",
        "labelled field; ; <h1>Headline</h1><p>Text.</p><ul><li><strong>Date</strong> 28.04.2023</li></ul>; TIME"})
    void datesComeFromEveryPlaceOutletsPutThem(String where, String head, String body, DateSource source) {
        PageMetadata metadata = read(head == null ? "" : head, body == null ? "" : body);

        assertThat(metadata.published()).hasValueSatisfying(p -> {
            assertThat(p.source()).isEqualTo(source);
            assertThat(p.instant().toString()).startsWith("2023-04-28");
        });
    }

    @Test
    void aDateInTheTextFarFromTheHeadlineIsNotThePublicationDate() {
        String prose = "<p>Some sentence of the article.</p>".repeat(20);

        assertThat(read("", "<h1>Headline</h1>" + prose + "<p>Related: 01.02.2019</p>").published()).isEmpty();
    }

    @Test
    void anAuthorThatIsTheOutletIsNoByline() {
        assertThat(read("<meta name='author' content='Deutsche Welle (www.dw.com)'>", "").authors()).isEmpty();
        assertThat(read("<meta name='author' content='DW'>", "").authors()).isEmpty();
        assertThat(read("<meta property='og:site_name' content='Reuters'><meta name='author' content='Reuters'>", "").authors())
                .isEmpty();
    }

    @Test
    void aJsonLdPersonIsPreferredAndAnOrganizationAuthorIsPassedOver() {
        String jsonLd = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Organization\","
                + "\"name\":\"Deutsche Welle\"},{\"@type\":\"Person\",\"name\":\"Ben Knight\"}]}</script>";

        assertThat(read(jsonLd + "<meta name='author' content='Deutsche Welle'>", "").authors()).containsExactly("Ben Knight");
    }

    @Test
    void aLabelledVisibleBylineIsReadWhenTheMarkupNamesOnlyTheOutlet() {
        String body = "<h1>Headline</h1><p>Text.</p><p class='gallery'>Author: Photo Desk Team</p>"
                + "<ul><li><strong>Date</strong> 19.01.2020</li><li><strong>Author</strong> Ben Knight</li></ul>";

        // the byline listed with the date, not the photo gallery's
        assertThat(read("<meta name='author' content='Deutsche Welle (www.dw.com)'>", body).authors())
                .containsExactly("Ben Knight");
        assertThat(read("", "<ul><li>By</li><li>Search</li></ul>").authors()).isEmpty();
    }
}
