package org.stancewatch.analyze.stream.monitor;

import java.util.Map;

/**
 * A snapshot of the job's progress, for a progress line.
 *
 * @param state             the job's state
 * @param articlesIn        articles (revisions) read
 * @param mentionsOut       mentions published
 * @param mentionsRetracted mentions retracted by revisions
 * @param lateArticles      articles later than the grace period: published, left out of the trends
 * @param bucketUpdates     stance bucket updates written
 * @param windowRefusals    contributions dropped because their windows had closed ({@link WindowRefusals})
 * @param alerts            alerts raised
 * @param deadLetters       dead letters written, by reason
 * @param deadLettersLost   dead letters the broker refused for good (their records skipped)
 * @param scoringLag        records the scoring application has yet to read (-1: not known yet)
 * @param aggregationLag    records the aggregation application has yet to read (-1: not known yet)
 */
public record JobProgress(JobState state, long articlesIn, long mentionsOut, long mentionsRetracted,
                          long lateArticles, long bucketUpdates, long windowRefusals, long alerts,
                          Map<String, Long> deadLetters, long deadLettersLost, long scoringLag, long aggregationLag) {

    public JobProgress {
        deadLetters = Map.copyOf(deadLetters);
    }

    public long deadLetterCount() {
        return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line for people, e.g. for a progress display. */
    public String line() {
        return String.format("%,d articles%s, %,d mentions (%,d retracted), %,d bucket updates%s, %,d alerts, "
                        + "%,d dead letters%s%s; lag %s / %s; %s",
                articlesIn, lateArticles == 0 ? "" : String.format(" (%,d late: left out of the trends)", lateArticles),
                mentionsOut, mentionsRetracted, bucketUpdates, windowRefusals == 0 ? "" : String.format(
                        " (%,d contributions DROPPED: their windows had closed; raise --reorder-allowance)",
                        windowRefusals), alerts, deadLetterCount(),
                deadLetters.isEmpty() ? "" : " " + deadLetters,
                deadLettersLost == 0 ? "" : String.format(" (%,d LOST: refused by the broker)", deadLettersLost),
                lag(scoringLag), lag(aggregationLag),
                state.name().toLowerCase());
    }

    private static String lag(long lag) {
        return lag < 0 ? "?" : String.format("%,d", lag);
    }
}
