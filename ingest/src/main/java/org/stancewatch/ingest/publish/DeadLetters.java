package org.stancewatch.ingest.publish;

import java.time.Instant;
import org.stancewatch.model.DeadLetter;

/** Dead letters of the ingest stage: the URL that failed, the reason code and a sentence. */
public final class DeadLetters {
    public static final String STAGE = "ingest";
    /**
     * The reason of a listing or page whose parser threw what its API does not declare (a
     * library's NullPointerException, say): that listing or page fails alone, and the dead
     * letter tells a developer where to look.
     */
    public static final String PARSER_FAILED = "parser-failed";

    private DeadLetters() {}

    public static DeadLetter of(String url, String reason, String message, String payload, Instant at) {
        return new DeadLetter(STAGE, reason, message, url, payload, at);
    }

    /** The message of a {@link #PARSER_FAILED} dead letter. */
    public static String parserFailed(String parser, RuntimeException e) {
        return "the " + parser + " failed unexpectedly: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
