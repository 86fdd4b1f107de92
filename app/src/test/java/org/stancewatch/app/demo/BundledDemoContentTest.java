package org.stancewatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo site shipped with stancewatch is complete and consistent. */
class BundledDemoContentTest {
    private final DemoContent content = DemoContent.load(DemoContent.BUNDLED);

    @Test
    void fourOutletsWithWellOverAHundredArticlesFrom2010To2012() {
        assertThat(content.outlets()).extracting(DemoOutlet::id)
                .containsExactly("meridian-wire", "harbor-gazette", "baltic-ledger", "continental-review");
        assertThat(content.articles()).hasSizeGreaterThan(120);
        assertThat(content.articles()).allSatisfy(article -> {
            assertThat(article.published()).isBetween(Instant.parse("2010-01-01T00:00:00Z"),
                    Instant.parse("2012-12-31T23:59:59Z"));
            assertThat(article.paragraphs()).isNotEmpty();
        });
    }

    @Test
    void everySyndicatedCopyNamesAnExistingEarlierOriginal() {
        Set<String> keys = content.articles().stream().map(DemoArticle::key).collect(Collectors.toSet());

        assertThat(content.articles().stream().filter(article -> article.copyOf() != null))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(copy -> assertThat(keys).contains(copy.copyOf()));
    }

    @Test
    void articlePathsAreUniqueWithinEachOutlet() {
        for (DemoOutlet outlet : content.outlets()) {
            assertThat(content.articlesOf(outlet.id())).extracting(DemoArticle::path).doesNotHaveDuplicates();
        }
    }
}
