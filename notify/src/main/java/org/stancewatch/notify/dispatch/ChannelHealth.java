package org.stancewatch.notify.dispatch;

import java.time.Duration;
import java.time.Instant;

/**
 * How a channel is doing: its consecutive failures, since when, and the last error. Failing is
 * {@link RetrySchedule#failingAfter()} attempts in a row or {@link RetrySchedule#failingDuration()}
 * of failures; the notices stay pending and are retried on.
 *
 * @param channel     the channel's name
 * @param failures    consecutive retryable failures (0 when the last attempt worked)
 * @param since       the first of them, or null
 * @param lastError   the last failure's message, or empty
 * @param failing     whether it counts as failing
 */
public record ChannelHealth(String channel, int failures, Instant since, String lastError, boolean failing) {

    static ChannelHealth ok(String channel) {
        return new ChannelHealth(channel, 0, null, "", false);
    }

    ChannelHealth failed(String error, Instant now, RetrySchedule schedule) {
        Instant first = since != null ? since : now;
        int count = failures + 1;
        boolean nowFailing = count >= schedule.failingAfter()
                || Duration.between(first, now).compareTo(schedule.failingDuration()) >= 0;
        return new ChannelHealth(channel, count, first, error == null ? "" : error, nowFailing);
    }

    @Override
    public String toString() {
        return failing ? channel + " (" + failures + " attempts since " + since + ": " + lastError + ")" : channel + " ok";
    }
}
