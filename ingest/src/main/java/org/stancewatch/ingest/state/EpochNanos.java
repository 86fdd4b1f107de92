package org.stancewatch.ingest.state;

import java.time.Instant;

/**
 * Instants as one {@code long} of nanoseconds since the epoch, exact from 1677 to 2262, so the
 * state holds a number where it would hold a 24-byte {@link Instant} object.
 */
final class EpochNanos {
    /** Stands for null. */
    static final long NONE = Long.MIN_VALUE;
    private static final long BILLION = 1_000_000_000L;

    private EpochNanos() {}

    static long of(Instant instant) {
        return instant == null ? NONE : Math.addExact(Math.multiplyExact(instant.getEpochSecond(), BILLION), instant.getNano());
    }

    static Instant instant(long nanos) {
        return nanos == NONE ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, BILLION), Math.floorMod(nanos, BILLION));
    }
}
