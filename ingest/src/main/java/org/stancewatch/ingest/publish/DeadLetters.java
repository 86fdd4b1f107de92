package org.stancewatch.ingest.publish;

import java.time.Instant;
import org.stancewatch.model.DeadLetter;

/** Dead letters of the ingest stage: the URL that failed, the reason code and a sentence. */
public final class DeadLetters {
    public static final String STAGE = "ingest";

    private DeadLetters() {}

    public static DeadLetter of(String url, String reason, String message, String payload, Instant at) {
        return new DeadLetter(STAGE, reason, message, url, payload, at);
    }
}
