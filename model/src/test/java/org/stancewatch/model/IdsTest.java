package org.stancewatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void theSamePartsAlwaysGiveTheSameId() {
        assertThat(Mention.idFor("a1", 3, "nato")).isEqualTo(Mention.idFor("a1", 3, "nato"));
        assertThat(Article.idFor("https://example.org/a")).hasSize(32).matches("[0-9a-f]+");
    }

    @Test
    void differentPartsGiveDifferentIds() {
        assertThat(Mention.idFor("a1", 3, "nato")).isNotEqualTo(Mention.idFor("a1", 4, "nato"));
        // the separator keeps ("ab", "c") apart from ("a", "bc")
        assertThat(Ids.of("ab", "c")).isNotEqualTo(Ids.of("a", "bc"));
    }

    @Test
    void bucketVarianceIsTheSampleVariance() {
        Instant start = Instant.parse("2011-01-01T00:00:00Z");
        // scores 0.5, -0.5, 0.0: mean 0, sample variance 0.25
        StanceBucket bucket = StanceBucket.of("russia", "_all", "_all", "_all", "day", start,
                start.plusSeconds(86_400), 3, 0.0, 0.5, 1, 1, 1);

        assertThat(bucket.mean()).isZero();
        assertThat(bucket.variance()).isEqualTo(0.25);
    }
}
