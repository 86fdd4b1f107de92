package org.stancewatch.model;

import static org.stancewatch.model.Require.nonBlank;
import static org.stancewatch.model.Require.nonNull;

import java.time.Instant;

/**
 * What a stage could not process, and why: the value of every record on a dead-letter topic.
 *
 * @param stage    {@code ingest}, {@code analyze}, {@code index} or {@code notify}
 * @param reason   a short stable code to count and filter by, e.g. {@code fetch-timeout}
 * @param message  a sentence for people: what went wrong
 * @param subject  what failed: a URL, or {@code topic-partition@offset} for a record
 * @param payload  the input as text, when there was one (may be cut short), or null
 * @param failedAt when it failed
 */
public record DeadLetter(String stage, String reason, String message, String subject, String payload, Instant failedAt) {

    /**
     * Payloads longer than this are cut, so that a dead letter always fits in a Kafka record: even
     * a payload of control characters, each escaped to six bytes of JSON, stays near 400 KB, well
     * under the 1 MB limit a dead letter of a record just under that limit would otherwise exceed.
     */
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;
    /** Messages and subjects are cut here: they are sentences and names, not data. */
    public static final int MAX_TEXT_CHARS = 2_000;

    public DeadLetter {
        nonBlank(stage, "stage");
        nonBlank(reason, "reason");
        reason = cut(reason, 200);
        message = message == null ? "" : cut(message, MAX_TEXT_CHARS);
        nonBlank(subject, "subject");
        subject = cut(subject, MAX_TEXT_CHARS);
        payload = payload == null ? null : cut(payload, MAX_PAYLOAD_CHARS);
        nonNull(failedAt, "failedAt");
    }

    /** The text cut to at most {@code max} chars, never between the two halves of a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
