package org.stancewatch.ingest.health;

import java.time.Duration;
import java.time.Instant;
import org.stancewatch.ingest.extract.Outlets;
import org.stancewatch.ingest.source.HealthSettings;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.model.SourceStatus;

/**
 * After each visit of a source: its history with the visit counted in and judged, and the
 * status to publish on {@code stancewatch.sources}.
 */
public final class SourceCheckup {
    private final HealthSettings settings;
    private final SourceHealthJudge judge;

    public SourceCheckup(HealthSettings settings) {
        this.settings = settings;
        this.judge = new SourceHealthJudge(settings);
    }

    /** The history to keep and the status to publish. */
    public record Result(SourceHistory history, SourceStatus status) {}

    /**
     * @param previous the source's history before this visit (null: never visited, or visited
     *                 by a crawler from before health was tracked)
     */
    public Result after(Source source, SourceHistory previous, Visit visit) {
        Instant now = visit.end();
        SourceHistory counted = (previous == null ? SourceHistory.none() : previous).after(visit, settings);
        SourceHistory judged = counted.judged(judge.judge(counted, now), now);
        SourceHistory.Tally window = judged.window(now, settings.window());
        SourceStatus status = new SourceStatus(source.id(), Outlets.of(source.home()), judged.health(), judged.problem(),
                judged.healthSince(), judged.lastVisit(), judged.lastSuccess(), judged.lastArticle(),
                round(judged.articlesPerDay(now, settings.window())), window.failures(), window.deadLetters(),
                nextVisit(source.interval(), now), now);
        return new Result(judged, status);
    }

    /** The scheduler plans the next run at the end of this one plus the interval (and a jitter of up to a tenth). */
    private static Instant nextVisit(Duration interval, Instant end) {
        return end.plus(interval);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
