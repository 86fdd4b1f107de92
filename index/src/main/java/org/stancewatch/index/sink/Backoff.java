package org.stancewatch.index.sink;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: the delay before retry {@code n} (1-based) is
 * {@code initial * 2^(n-1)}, capped at {@code max}, then spread by up to a quarter either way so
 * that many documents failing together do not all come back at the same instant.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    public static Backoff defaults() {
        return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    /** The delay before the given retry, in milliseconds. */
    public long delayMillis(int retry) {
        long base = baseDelayMillis(retry);
        long spread = base / 4;
        return spread == 0 ? base : base - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1);
    }

    /** The delay before the given retry without jitter. */
    long baseDelayMillis(int retry) {
        int doublings = Math.min(Math.max(retry, 1) - 1, 30);
        long delay = initial.toMillis() << doublings;
        return Math.min(delay < 0 ? Long.MAX_VALUE : delay, max.toMillis());
    }
}
