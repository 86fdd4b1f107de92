package org.stancewatch.index.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void doublesFromTheInitialDelayUpToTheMaximum() {
        assertThat(backoff.baseDelayMillis(1)).isEqualTo(100);
        assertThat(backoff.baseDelayMillis(2)).isEqualTo(200);
        assertThat(backoff.baseDelayMillis(5)).isEqualTo(1600);
        assertThat(backoff.baseDelayMillis(6)).isEqualTo(2000);
        assertThat(backoff.baseDelayMillis(1000)).isEqualTo(2000);
    }

    @Test
    void jitterStaysWithinAQuarterEitherWay() {
        for (int i = 0; i < 1000; i++) {
            assertThat(backoff.delayMillis(3)).isBetween(300L, 500L);
        }
    }

    @Test
    void refusesAMaximumBelowTheInitialDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
