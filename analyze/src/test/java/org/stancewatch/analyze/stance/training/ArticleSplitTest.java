package org.stancewatch.analyze.stance.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleSplitTest {

    @Test
    void anArticleAlwaysFallsOnTheSameSide() {
        ArticleSplit split = ArticleSplit.DEFAULT;
        for (int i = 0; i < 200; i++) {
            String article = "allsides_" + i + "_7";
            assertThat(split.isHeldOut(article)).isEqualTo(new ArticleSplit(20).isHeldOut(article));
        }
    }

    @Test
    void aboutTheAskedShareIsHeldOut() {
        int heldOut = 0;
        for (int i = 0; i < 10_000; i++) {
            if (ArticleSplit.DEFAULT.isHeldOut("polusa_v1_" + (1_000_000 + i) + "_-1")) {
                heldOut++;
            }
        }
        assertThat(heldOut).isBetween(1_800, 2_200);
    }

    @Test
    void bucketsAreFixedValues() {
        // CRC-32 is specified, so these never change between runs, machines or JVMs.
        assertThat(ArticleSplit.bucket("allsides_1000_401")).isEqualTo(ArticleSplit.bucket("allsides_1000_401"));
        assertThat(ArticleSplit.bucket("allsides_1000_401")).isBetween(0, 99);
        assertThat(new ArticleSplit(0).isHeldOut("allsides_1000_401")).isFalse();
        assertThat(new ArticleSplit(100).isHeldOut("allsides_1000_401")).isTrue();
    }
}
