package org.stancewatch.analyze.stream.scoring;

import java.time.Duration;
import org.stancewatch.analyze.stream.errors.AnalyzeFailure;
import org.stancewatch.analyze.stream.errors.Reasons;

/** The scorer did not finish an article within the watchdog's time. */
public final class ScoringTimeoutException extends AnalyzeFailure {
    public ScoringTimeoutException(String articleId, Duration timeout) {
        super(Reasons.SCORING_TIMEOUT, "scoring article " + articleId + " took longer than " + timeout.toMillis()
                + " ms; raise --scoring-timeout if such articles are expected", null);
    }
}
