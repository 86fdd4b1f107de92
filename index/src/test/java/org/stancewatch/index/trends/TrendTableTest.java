package org.stancewatch.index.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTableTest {
    private static final Instant W1 = Instant.parse("2011-01-03T00:00:00Z");
    private static final Instant W2 = Instant.parse("2011-01-10T00:00:00Z");
    private static final Instant W3 = Instant.parse("2011-01-17T00:00:00Z");

    @Test
    void printsOneRowPerBucketATotalAndASparkline() {
        SeriesQuery query = SeriesQuery.of("russia").withTopic("missile-defense");
        StanceSeries series = new StanceSeries(query, 0.95, List.of(
                TrendPoint.of(W1, W2, MeanEstimate.of(2, -0.8, 0.34), 2, 0, 0),
                TrendPoint.of(W2, W3, MeanEstimate.of(0, 0, 0), 0, 0, 0),
                TrendPoint.of(W3, W3.plusSeconds(604_800), MeanEstimate.of(1, 0.3, 0.09), 0, 0, 1)),
                TrendPoint.of(W1, W3.plusSeconds(604_800), MeanEstimate.of(3, -0.5, 0.43), 2, 0, 1));

        String table = TrendTable.render(series);

        assertThat(table).startsWith("Stance toward russia, topic missile-defense, by week");
        // -0.3 and -0.5: mean -0.40, standard error 0.1, t(0.975, 1) = 12.71, bounds clipped to [-1, 1]
        assertThat(table).contains("2011-01-03         2   -0.40  [-1.00, +0.87]        2     0     0");
        assertThat(table).contains("2011-01-10         0       -  -                     0     0     0");
        assertThat(table).contains("2011-01-17         1   +0.30  -                     0     0     1");
        assertThat(table).contains("all                3   -0.17");
        assertThat(table).contains("trend  ▁ █  (from -0.40 to +0.30)");
    }

    @Test
    void saysWhatToCheckWhenNothingMatches() {
        StanceSeries empty = new StanceSeries(SeriesQuery.of("rusia"), 0.95, List.of(),
                TrendPoint.of(null, null, MeanEstimate.of(0, 0, 0), 0, 0, 0));
        assertThat(TrendTable.render(empty)).contains("No mentions match. Check the actor id");
    }

    @Test
    void outletsAreListedWithCountMeanAndInterval() {
        String table = TrendTable.renderOutlets("russia", List.of(new OutletStance("a.com", 7, -0.2, -0.5, 0.1),
                new OutletStance("b.com", 1, 0.6, null, null)));
        assertThat(table).contains("a.com          7   -0.20  [-0.50, +0.10]")
                .contains("b.com          1   +0.60  -");
    }
}
