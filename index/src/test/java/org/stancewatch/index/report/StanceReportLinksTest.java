package org.stancewatch.index.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Evidence URLs come from crawled pages: the report links only what is safe to follow. */
class StanceReportLinksTest {

    @Test
    void anHttpUrlBecomesALinkThatPassesNoReferrerOrOpener() {
        assertThat(StanceReport.link("https://example.org/a?b=1&c=2", "article"))
                .isEqualTo("<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">article</a>");
    }

    @Test
    void aUrlOfAnotherSchemeIsNoLink() {
        assertThat(StanceReport.link("javascript:alert(1)", "article")).isEqualTo("article");
        assertThat(StanceReport.link(" JavaScript:alert(1)", "article")).isEqualTo("article");
        assertThat(StanceReport.link("data:text/html,<script>alert(1)</script>", "article")).isEqualTo("article");
    }

    @Test
    void aQuoteInAUrlCannotCloseTheAttribute() {
        assertThat(StanceReport.link("https://example.org/\"onmouseover=\"alert(1)", "article"))
                .doesNotContain("\"onmouseover").contains("&quot;onmouseover");
    }

    @Test
    void theReportForbidsScriptsAndOutsideResources() {
        assertThat(StanceReport.CONTENT_SECURITY_POLICY).startsWith("default-src 'none'")
                .doesNotContain("script-src");
    }
}
