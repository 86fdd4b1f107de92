package org.stancewatch.analyze.stream.attention;

/**
 * The total of all mentions (summed weights) of one day, and the value last announced to every
 * partition of the attention detector.
 *
 * <p>Each mention of a series reaches the detector with its day's total as it stood, so a
 * series' own count never runs ahead of the total it is divided by. The other series of the
 * day learn of a growing total by announcements, sent only when it has moved by a tenth since
 * the last one: a few dozen a day instead of one per mention, at the price of a share that may
 * read up to a tenth high until the next announcement (the wall-clock flush sends the exact
 * value within seconds).
 */
public record DayTotal(double total, double announced) {
    static final DayTotal EMPTY = new DayTotal(0, 0);
    /** Relative change of the total that is announced at once. */
    static final double ANNOUNCE_STEP = 0.1;

    DayTotal plus(double delta) {
        double next = total + delta;
        return new DayTotal(Math.abs(next) < 1e-9 ? 0 : next, announced);
    }

    /** True when the total has moved far enough from the last announcement to announce it now. */
    boolean dueForAnnouncement() {
        return Math.abs(total - announced) > ANNOUNCE_STEP * Math.max(announced, 1e-9);
    }

    /** True when the last announcement is not the total (for the flush). */
    boolean unannounced() {
        return total != announced;
    }

    DayTotal announcedNow() {
        return new DayTotal(total, total);
    }
}
