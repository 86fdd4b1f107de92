package org.stancewatch.analyze.stream.attention;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How the attention detector decides that an actor or a topic suddenly gets much more of the
 * coverage. Defaults come from the detection study ({@code docs/attention-bursts.md}).
 *
 * @param enabled         false: no attention series are kept and no attention alerts raised
 * @param baseline        how far back the baseline reaches before the recent window
 * @param recent          length of the recent window, ending with the series' latest day
 * @param minRecent       least mentions (summed weight) of the series in the recent window
 * @param minBaselineDays least days of the baseline, on or after the series' first mention, on
 *                        which the job counted any mention at all: nothing is judged before a
 *                        series has a baseline (a new actor, a job just started)
 * @param threshold       the z a rise of the share must reach
 * @param minRatio        least recent share / baseline share
 * @param minRise         least recent share − baseline share (shares are 0..1)
 * @param cooldown        after an alert, how long (in event time) the series stays quiet
 * @param dispersionFloor least between-day variance of the log share assumed, so that a series
 *                        whose share happened to be steady in its baseline is not judged as if
 *                        news were never bursty
 * @param evidence        how many example mentions an alert carries
 */
public record AttentionSettings(
        boolean enabled,
        Duration baseline,
        Duration recent,
        double minRecent,
        int minBaselineDays,
        double threshold,
        double minRatio,
        double minRise,
        Duration cooldown,
        double dispersionFloor,
        int evidence) {

    public AttentionSettings {
        requireWholeDays(baseline, "baseline");
        requireWholeDays(recent, "recent");
        requireWholeDays(cooldown, "cooldown");
        if (!(minRecent >= 1)) {
            throw new IllegalArgumentException("attention minRecent must be at least 1 mention, was " + minRecent);
        }
        if (minBaselineDays < 1 || minBaselineDays > baseline.toDays()) {
            throw new IllegalArgumentException("attention minBaselineDays must be between 1 and the baseline's "
                    + baseline.toDays() + " days, was " + minBaselineDays);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("attention threshold must be positive, was " + threshold);
        }
        if (!(minRatio >= 1)) {
            throw new IllegalArgumentException("attention minRatio must be at least 1 (a rise), was " + minRatio);
        }
        if (!(minRise >= 0 && minRise < 1)) {
            throw new IllegalArgumentException("attention minRise is a share, in [0, 1), was " + minRise);
        }
        if (!(dispersionFloor >= 0)) {
            throw new IllegalArgumentException("attention dispersionFloor must not be negative, was "
                    + dispersionFloor);
        }
        if (evidence < 1) {
            throw new IllegalArgumentException("an attention alert carries at least one evidence mention");
        }
    }

    /** The defaults the detection study supports. */
    public static AttentionSettings defaults() {
        return new AttentionSettings(true, Duration.ofDays(28), Duration.ofDays(2), 10, 14, 4.0, 2.5, 0.002,
                Duration.ofDays(3), 0.1, 5);
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

    public AttentionSettings withEnabled(boolean value) {
        return with(draft -> draft.enabled = value);
    }

    public AttentionSettings withWindows(Duration baselineWindow, Duration recentWindow, int leastBaselineDays) {
        return with(draft -> {
            draft.baseline = baselineWindow;
            draft.recent = recentWindow;
            draft.minBaselineDays = leastBaselineDays;
        });
    }

    public AttentionSettings withMinRecent(double value) {
        return with(draft -> draft.minRecent = value);
    }

    public AttentionSettings withThreshold(double value) {
        return with(draft -> draft.threshold = value);
    }

    public AttentionSettings withMinRatio(double value) {
        return with(draft -> draft.minRatio = value);
    }

    public AttentionSettings withMinRise(double value) {
        return with(draft -> draft.minRise = value);
    }

    public AttentionSettings withCooldown(Duration value) {
        return with(draft -> draft.cooldown = value);
    }

    public AttentionSettings withDispersionFloor(double value) {
        return with(draft -> draft.dispersionFloor = value);
    }

    /** A copy with the changes {@code change} makes; the constructor checks it as it checks any. */
    private AttentionSettings with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** The components of a copy in the making, one wither's change at a time. */
    private static final class Draft {
        boolean enabled;
        Duration baseline;
        Duration recent;
        double minRecent;
        int minBaselineDays;
        double threshold;
        double minRatio;
        double minRise;
        Duration cooldown;
        double dispersionFloor;
        int evidence;

        Draft(AttentionSettings settings) {
            enabled = settings.enabled;
            baseline = settings.baseline;
            recent = settings.recent;
            minRecent = settings.minRecent;
            minBaselineDays = settings.minBaselineDays;
            threshold = settings.threshold;
            minRatio = settings.minRatio;
            minRise = settings.minRise;
            cooldown = settings.cooldown;
            dispersionFloor = settings.dispersionFloor;
            evidence = settings.evidence;
        }

        AttentionSettings build() {
            return new AttentionSettings(enabled, baseline, recent, minRecent, minBaselineDays, threshold, minRatio,
                    minRise, cooldown, dispersionFloor, evidence);
        }
    }

    private static void requireWholeDays(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()
                || !duration.equals(Duration.ofDays(duration.toDays()))) {
            throw new IllegalArgumentException("attention " + name + " must be a positive whole number of days, was "
                    + duration);
        }
    }
}
