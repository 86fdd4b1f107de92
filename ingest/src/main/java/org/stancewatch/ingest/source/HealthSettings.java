package org.stancewatch.ingest.source;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of the source health rules ({@link SourceHealthJudge}): the {@code
 * crawler.health} section of {@code sources.yml}. The defaults suit news sites crawled every
 * half hour or so; every one is written out in the shipped {@code sources.yml}.
 *
 * @param silentAfter       SILENT after this many times the source's usual gap between new articles
 * @param silentAtLeast     ... and never before this long without a new article
 * @param learnGaps         gaps between new articles seen before SILENT is judged at all
 * @param failingVisits     the recent visits the FAILING rules look at
 * @param failingShare      FAILING when more than this share of those visits' fetches failed ...
 * @param failingMinFetches ... out of at least this many fetches (one failed feed of one visit is no trend)
 * @param deadLetterJump    FAILING when those visits wrote at least this many dead letters ...
 * @param deadLetterFactor  ... and this many times the source's usual number for as many visits
 * @param goneAfterVisits   DISCOVERY_GONE when a feed, sitemap or section page is gone (404, 410) or
 *                          unreadable on this many visits in a row (one is a blip)
 * @param window            what articles per day, failures and dead letters of a status are counted over
 */
public record HealthSettings(
        double silentAfter,
        Duration silentAtLeast,
        int learnGaps,
        int failingVisits,
        double failingShare,
        int failingMinFetches,
        int deadLetterJump,
        double deadLetterFactor,
        int goneAfterVisits,
        Duration window) {

    /** Recent visits a source's state keeps; {@code failingVisits} may not ask for more. */
    public static final int MAX_RECENT_VISITS = 20;

    public HealthSettings {
        Objects.requireNonNull(silentAtLeast, "silentAtLeast");
        Objects.requireNonNull(window, "window");
        if (silentAfter <= 0 || learnGaps < 1 || failingVisits < 1 || failingVisits > MAX_RECENT_VISITS
                || failingShare <= 0 || failingShare > 1 || failingMinFetches < 1 || deadLetterJump < 1
                || deadLetterFactor <= 0 || goneAfterVisits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("health settings out of range: " + this);
        }
    }

    public static HealthSettings defaults() {
        return new HealthSettings(4, Duration.ofDays(1), 3, 3, 0.5, 4, 10, 3, 2, Duration.ofDays(7));
    }
}
