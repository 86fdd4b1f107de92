package org.stancewatch.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

    @Test
    void readsDelaySecondsAndAnHttpDate() {
        assertThat(RetryAfter.parse(Optional.of("90"), clock)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse(Optional.of("Wed, 21 Oct 2015 07:30:00 GMT"), clock)).contains(Duration.ofMinutes(2));
    }

    @Test
    void aPastDateIsNoWaitAndGarbageIsNoAdvice() {
        assertThat(RetryAfter.parse(Optional.of("Wed, 21 Oct 2015 07:00:00 GMT"), clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("99999999999999999999999"), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty(), clock)).isEmpty();
    }
}
