package org.stancewatch.analyze.stream.shift;

import java.time.Duration;

/**
 * How the shift detector decides that the tone of a series changed sharply. Defaults come from
 * the detection study (docs/tone-shifts.md): at these settings a shift of 0.5 on the [-1, 1] scale in
 * a series of four or more articles a weekday is found in nearly every case within about five
 * days, a shift of 0.3 with a dozen articles a day likewise, and a series without a shift raises a
 * false alarm about once in four to ten years; thinner series need larger shifts.
 *
 * @param baseline      how far back the baseline reaches before the recent window
 * @param recent        length of the recent window, ending with the series' latest day
 * @param minBaseline   least evidence (summed mention weight) the baseline needs
 * @param minRecent     least evidence the recent window needs
 * @param threshold     the |z| a change must reach
 * @param minChange     the least |recent mean - baseline mean| worth an alert, however significant
 * @param cooldown      after an alert, how long (in event time) the series stays quiet
 * @param shrinkage     pseudo-mentions pulling the recent mean toward the baseline: thin
 *                      recent windows need a larger change
 * @param varianceFloor least within-day variance assumed, so a series of identical scores
 *                      cannot make any small change look certain
 * @param evidence      how many evidence mentions an alert carries
 */
public record ShiftSettings(
        Duration baseline,
        Duration recent,
        double minBaseline,
        double minRecent,
        double threshold,
        double minChange,
        Duration cooldown,
        double shrinkage,
        double varianceFloor,
        int evidence) {

    public ShiftSettings {
        requireWholeDays(baseline, "baseline");
        requireWholeDays(recent, "recent");
        requireWholeDays(cooldown, "cooldown");
        if (minBaseline < 1 || minRecent < 1) {
            throw new IllegalArgumentException("the minimum evidence on each side must be at least 1 mention");
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive, was " + threshold);
        }
        if (!(minChange >= 0 && minChange <= 2)) {
            throw new IllegalArgumentException("minChange must be in [0, 2], was " + minChange);
        }
        if (!(shrinkage >= 0)) {
            throw new IllegalArgumentException("shrinkage must not be negative, was " + shrinkage);
        }
        if (!(varianceFloor > 0)) {
            throw new IllegalArgumentException("varianceFloor must be positive, was " + varianceFloor);
        }
        if (evidence < 1) {
            throw new IllegalArgumentException("an alert carries at least one evidence mention");
        }
    }

    /** The defaults the detection study supports. */
    public static ShiftSettings defaults() {
        return new ShiftSettings(Duration.ofDays(30), Duration.ofDays(7), 30, 10, 4.0, 0.2,
                Duration.ofDays(7), 10, 0.01, 5);
    }

    public long baselineDays() {
        return baseline.toDays();
    }

    public long recentDays() {
        return recent.toDays();
    }

    public long cooldownDays() {
        return cooldown.toDays();
    }

    public ShiftSettings withBaseline(Duration value) {
        return new ShiftSettings(value, recent, minBaseline, minRecent, threshold, minChange, cooldown, shrinkage,
                varianceFloor, evidence);
    }

    public ShiftSettings withRecent(Duration value) {
        return new ShiftSettings(baseline, value, minBaseline, minRecent, threshold, minChange, cooldown, shrinkage,
                varianceFloor, evidence);
    }

    public ShiftSettings withMinEvidence(double baselineMentions, double recentMentions) {
        return new ShiftSettings(baseline, recent, baselineMentions, recentMentions, threshold, minChange, cooldown,
                shrinkage, varianceFloor, evidence);
    }

    public ShiftSettings withThreshold(double value) {
        return new ShiftSettings(baseline, recent, minBaseline, minRecent, value, minChange, cooldown, shrinkage,
                varianceFloor, evidence);
    }

    public ShiftSettings withMinChange(double value) {
        return new ShiftSettings(baseline, recent, minBaseline, minRecent, threshold, value, cooldown, shrinkage,
                varianceFloor, evidence);
    }

    public ShiftSettings withCooldown(Duration value) {
        return new ShiftSettings(baseline, recent, minBaseline, minRecent, threshold, minChange, value, shrinkage,
                varianceFloor, evidence);
    }

    public ShiftSettings withShrinkage(double value) {
        return new ShiftSettings(baseline, recent, minBaseline, minRecent, threshold, minChange, cooldown, value,
                varianceFloor, evidence);
    }

    public ShiftSettings withEvidence(int value) {
        return new ShiftSettings(baseline, recent, minBaseline, minRecent, threshold, minChange, cooldown, shrinkage,
                varianceFloor, value);
    }

    private static void requireWholeDays(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()
                || !duration.equals(Duration.ofDays(duration.toDays()))) {
            throw new IllegalArgumentException(name + " must be a positive whole number of days, was " + duration);
        }
    }
}
