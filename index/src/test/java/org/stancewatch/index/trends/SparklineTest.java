package org.stancewatch.index.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SparklineTest {
    @Test
    void scalesFromTheLowestToTheHighestValueWithGapsForEmptyBuckets() {
        assertThat(Sparkline.of(Arrays.asList(-0.4, -0.2, null, 0.0, 0.3))).isEqualTo("▁▃ ▅█");
    }

    @Test
    void aFlatSeriesIsDrawnAtMidHeight() {
        assertThat(Sparkline.of(Arrays.asList(0.1, 0.1, 0.1))).isEqualTo("▅▅▅");
        assertThat(Sparkline.of(Arrays.asList(null, null))).isEqualTo("  ");
    }
}
