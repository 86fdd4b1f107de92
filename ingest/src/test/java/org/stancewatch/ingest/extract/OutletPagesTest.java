package org.stancewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The regression set's harness on a sample written for it: a DW-like page whose title carries the
 * site and date and whose author meta names the outlet is read right, and expectations a page
 * cannot meet are counted and named as misses.
 */
class OutletPagesTest {
    static final Path SAMPLE = Path.of("src", "test", "resources", "outlet-pages-sample");

    @Test
    void aPageReadRightScoresFullMarksOnTextTitleDayAndByline() {
        Map<String, OutletPages.OutletScore> scores = OutletPages.load(SAMPLE).score(new ArticleExtractor());

        OutletPages.OutletScore right = scores.get("sample-ledger");
        assertThat(right.misses).isEmpty();
        assertThat(right.text.f1()).isEqualTo(1.0);
        assertThat(right.text.trueNegatives).isEqualTo(2);
        assertThat(right.titles).hasToString("1/1");
        assertThat(right.dates).hasToString("1/1");
        assertThat(right.bylines).hasToString("1/1");
    }

    @Test
    void expectationsThePageCannotMeetAreCountedAndNamed() {
        Map<String, OutletPages.OutletScore> scores = OutletPages.load(SAMPLE).score(new ArticleExtractor());

        OutletPages.OutletScore wrong = scores.get("sample-ledger-wrong-expectations");
        assertThat(wrong.text.f1()).isZero();
        assertThat(wrong.text.falsePositives).isEqualTo(1);
        assertThat(wrong.titles).hasToString("0/1");
        assertThat(wrong.dates).hasToString("0/1");
        assertThat(wrong.bylines).hasToString("0/1");
        assertThat(wrong.misses).hasSize(3).anySatisfy(miss -> assertThat(miss).contains("title", "wanted A headline"));
        assertThat(OutletPages.table(scores)).contains("| sample-ledger | 1 | 1.000 |",
                "| sample-ledger-wrong-expectations | 1 | 0.000 |");
    }
}
