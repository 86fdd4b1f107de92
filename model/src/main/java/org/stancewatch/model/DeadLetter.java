package org.stancewatch.model;

import static org.stancewatch.model.Require.nonBlank;
import static org.stancewatch.model.Require.nonNull;

import java.time.Instant;

/**
 * What a stage could not process, and why: the value of every record on a dead-letter topic.
 *
 * @param stage    {@code ingest}, {@code analyze} or {@code index}
 * @param reason   a short stable code to count and filter by, e.g. {@code fetch-timeout}
 * @param message  a sentence for people: what went wrong
 * @param subject  what failed: a URL, or {@code topic-partition@offset} for a record
 * @param payload  the input as text, when there was one (may be cut short), or null
 * @param failedAt when it failed
 */
public record DeadLetter(String stage, String reason, String message, String subject, String payload, Instant failedAt) {

    /** Payloads longer than this are cut, so one huge bad record cannot clog the topic. */
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;

    public DeadLetter {
        nonBlank(stage, "stage");
        nonBlank(reason, "reason");
        message = message == null ? "" : message;
        nonBlank(subject, "subject");
        if (payload != null && payload.length() > MAX_PAYLOAD_CHARS) {
            payload = payload.substring(0, MAX_PAYLOAD_CHARS);
        }
        nonNull(failedAt, "failedAt");
    }
}
