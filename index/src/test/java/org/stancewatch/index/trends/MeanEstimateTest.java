package org.stancewatch.index.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanEstimateTest {
    @Test
    void usesStudentsTWithNMinusOneDegreesOfFreedom() {
        // scores -0.5, -0.3, 0.1: mean -0.2333, sample sd 0.3055, t(0.975, 2) = 4.3027
        MeanEstimate estimate = MeanEstimate.of(3, -0.7, 0.35);
        double half = 4.302652729911275 * Math.sqrt((0.35 - 0.49 / 3) / 2 / 3);
        assertThat(estimate.mean()).isCloseTo(-0.7 / 3, within(1e-12));
        assertThat(estimate.low()).isCloseTo(-0.7 / 3 - half, within(1e-9));
        assertThat(estimate.high()).isCloseTo(-0.7 / 3 + half, within(1e-9));
    }

    @Test
    void approachesTheNormalIntervalForManyScores() {
        // 10,000 scores with mean 0.1 and sample variance 0.04
        long n = 10_000;
        double sum = 0.1 * n;
        double squares = 0.04 * (n - 1) + sum * sum / n;
        MeanEstimate estimate = MeanEstimate.of(n, sum, squares);
        assertThat(estimate.high() - estimate.mean()).isCloseTo(1.96 * 0.2 / 100, within(1e-5));
    }

    @Test
    void hasNoIntervalBelowTwoScoresAndNoMeanWithout() {
        assertThat(MeanEstimate.of(1, -0.4, 0.16).mean()).isEqualTo(-0.4);
        assertThat(MeanEstimate.of(1, -0.4, 0.16).hasInterval()).isFalse();
        assertThat(MeanEstimate.of(0, 0, 0).mean()).isNaN();
    }

    @Test
    void identicalScoresGiveAZeroWidthIntervalAndBoundsStayWithinTheScale() {
        MeanEstimate same = MeanEstimate.of(4, 2.0, 1.0);
        assertThat(same.low()).isCloseTo(0.5, within(1e-12));
        assertThat(same.high()).isCloseTo(0.5, within(1e-12));
        MeanEstimate wide = MeanEstimate.of(2, 0.0, 2.0); // -1 and 1
        assertThat(wide.low()).isEqualTo(-1);
        assertThat(wide.high()).isEqualTo(1);
    }
}
