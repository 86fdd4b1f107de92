package org.stancewatch.analyze.stream.scoring;

import org.stancewatch.analyze.stream.errors.AnalyzeFailure;

/** The scorer threw on an article, or returned what cannot be its mentions. */
public final class ScoringFailedException extends AnalyzeFailure {
    public ScoringFailedException(String reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
