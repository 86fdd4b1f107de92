package org.stancewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Saved pages of the configured outlets (docs/extraction.md): each outlet's text extracted with F1
 * of at least 0.95, and its titles and publication days right on at least nine pages in ten. The
 * pages are not ours to ship, so this runs only where the set has been built.
 */
class OutletPagesRegressionTest {

    @Test
    void everyOutletsPagesAreExtractedWithTheirTextTitleAndDay() {
        assumeTrue(OutletPages.available(OutletPages.folder()), "skipped: no outlet pages at "
                + OutletPages.folder().toAbsolutePath() + " (build the set as docs/extraction.md says, or point "
                + "-Dstancewatch.outlet.pages at it)");
        Map<String, OutletPages.OutletScore> scores = OutletPages.load(OutletPages.folder()).score(new ArticleExtractor());
        System.out.print(OutletPages.table(scores));
        scores.values().forEach(score -> score.misses.forEach(miss -> System.out.println("  " + miss)));

        assertThat(scores).allSatisfy((outlet, score) -> {
            assertThat(score.text.f1()).as(outlet + " text F1").isGreaterThanOrEqualTo(0.95);
            assertThat(score.titles.right).as(outlet + " titles").isGreaterThanOrEqualTo(score.titles.judged * 9 / 10);
            assertThat(score.dates.right).as(outlet + " days").isGreaterThanOrEqualTo(score.dates.judged * 9 / 10);
        });
    }
}
