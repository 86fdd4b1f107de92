package org.stancewatch.notify.dispatch;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failing channel again: exponential back-off with jitter, {@code initial * 2^(n-1)}
 * before retry {@code n}, capped at {@code max}, spread by up to a quarter either way so that
 * channels failing together do not all come back at once; a receiver's own hint (Retry-After)
 * is honoured up to {@code max}.
 *
 * @param initial         the first delay
 * @param max             the longest delay
 * @param failingAfter    consecutive failures after which a channel is reported failing
 * @param failingDuration a channel failing for this long is reported failing, however few tries
 */
public record RetrySchedule(Duration initial, Duration max, int failingAfter, Duration failingDuration) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("retries need 0 < initial <= max, got " + initial + " and " + max);
        }
        if (failingAfter < 1) {
            throw new IllegalArgumentException("failingAfter must be 1 or more");
        }
    }

    /** 1 s doubling to 5 min; failing after 5 attempts or 10 minutes. */
    public static RetrySchedule defaults() {
        return new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(5), 5, Duration.ofMinutes(10));
    }

    /** The delay before the given retry (1-based), or the hint when there is one. */
    public Duration delay(int retry, Optional<Duration> hint) {
        if (hint.isPresent() && !hint.get().isNegative()) {
            return hint.get().compareTo(max) > 0 ? max : hint.get();
        }
        long base = baseMillis(retry);
        long spread = base / 4;
        return Duration.ofMillis(spread == 0 ? base : base - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }

    long baseMillis(int retry) {
        int doublings = Math.min(Math.max(retry, 1) - 1, 30);
        long delay = initial.toMillis() << doublings;
        return Math.min(delay < 0 ? Long.MAX_VALUE : delay, max.toMillis());
    }
}
