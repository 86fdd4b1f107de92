package org.stancewatch.analyze.stream.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JobProgressTest {

    private static JobProgress progress(long late, long dropped, long lost) {
        return new JobProgress(JobState.RUNNING, 120, 900, 4, late, 300, dropped, 2, Map.of("malformed-record", 1L),
                lost, 7, 0);
    }

    @Test
    void theLineNamesLateArticlesDroppedContributionsAndLostDeadLettersOnlyWhenThereAreAny() {
        assertThat(progress(0, 0, 0).line()).isEqualTo("120 articles, 900 mentions (4 retracted), 300 bucket updates, "
                + "2 alerts, 1 dead letters {malformed-record=1}; lag 7 / 0; running");
        assertThat(progress(3, 1_710, 2).line())
                .startsWith("120 articles (3 late: left out of the trends), 900 mentions")
                .contains("300 bucket updates (1,710 contributions DROPPED: their windows had closed; "
                        + "raise --reorder-allowance), 2 alerts")
                .contains("1 dead letters {malformed-record=1} (2 LOST: refused by the broker)");
    }
}
