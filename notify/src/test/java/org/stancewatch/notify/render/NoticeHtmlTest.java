package org.stancewatch.notify.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.Evidence;
import org.stancewatch.notify.NoticeFixtures;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;

class NoticeHtmlTest {
    private static final Instant DAY = Instant.parse("2011-03-02T00:00:00Z");

    @Test
    void aHostileSentenceIsEscapedAsTextAndNoScriptElementExists() {
        Notice notice = Notice.of(NoticeFixtures.toneAlertWithEvidence(new Evidence("m1",
                "Officials said <script>alert('x')</script> & <b>more</b>", "evil.example", "https://evil.example/a", DAY, -0.9)));

        String html = NoticeHtml.render(Delivery.single(notice), Map.of());

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;");
        Document parsed = Jsoup.parse(html);
        assertThat(parsed.select("script")).isEmpty();
        assertThat(parsed.select("li").text()).contains("Officials said <script>alert('x')</script> & <b>more</b>");
    }

    @Test
    void evidenceIsAListOfLinksAndAJavascriptUrlIsNeverALink() {
        Notice notice = Notice.of(NoticeFixtures.toneAlertWithEvidence(
                new Evidence("m1", "Fine.", "nytimes.com", "https://www.nytimes.com/a", DAY, -0.5),
                new Evidence("m2", "Sly.", "evil.example", "javascript:alert(1)", DAY, -0.6)));

        Document parsed = Jsoup.parse(NoticeHtml.render(Delivery.single(notice), Map.of()));

        assertThat(parsed.select("ul > li")).hasSize(2);
        assertThat(parsed.select("a[href]")).singleElement()
                .satisfies(link -> assertThat(link.attr("href")).isEqualTo("https://www.nytimes.com/a"))
                .satisfies(link -> assertThat(link.text()).isEqualTo("nytimes.com, 2011-03-02, -0.50"));
        assertThat(parsed.select("li").get(1).text()).contains("(javascript:alert(1))");
    }

    @Test
    void theChartIsReferencedByTheSourceTheCallerGives() {
        Notice notice = Notice.of(NoticeFixtures.toneAlert("russia", "iran", "nytimes.com"));

        Document parsed = Jsoup.parse(NoticeHtml.render(Delivery.single(notice), Map.of(notice.id(), "cid:chart-1@stancewatch")));

        assertThat(parsed.select("img").attr("src")).isEqualTo("cid:chart-1@stancewatch");
        assertThat(parsed.select("h2").text()).startsWith("Tone toward russia on iran in nytimes.com turned negative");
    }
}
