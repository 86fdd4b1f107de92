package org.stancewatch.model;

import static org.stancewatch.model.Require.nonBlank;
import static org.stancewatch.model.Require.nonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What a stage could not process, and why: the value of every record on a dead-letter topic.
 * Stages build them with {@link #ofUrl} (the crawler) and {@link #ofInput} (the stages that
 * consume records), so that subjects, payloads and messages read alike whichever stage wrote them.
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

    /** The stages, as a dead letter names them. */
    public static final String INGEST = "ingest";
    public static final String ANALYZE = "analyze";
    public static final String INDEX = "index";
    public static final String NOTIFY = "notify";

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

    /** A dead letter of the crawler about the page or listing at {@code url}; {@code payload} may be null. */
    public static DeadLetter ofUrl(String url, String reason, String message, String payload, Instant failedAt) {
        return new DeadLetter(INGEST, reason, message, url, payload, failedAt);
    }

    /**
     * A dead letter of a stage that consumes records, about one input it could not process.
     *
     * @param subject a record's {@link #subjectOf place}, or what else failed (e.g. {@code channel|notice})
     * @param payload the input as text ({@link #payloadOf}), or null
     */
    public static DeadLetter ofInput(String stage, String subject, String payload, String reason, String message,
                                     Instant failedAt) {
        return new DeadLetter(stage, reason, message, subject, payload, failedAt);
    }

    /** A record's place, {@code topic-partition@offset}: the subject of a dead letter about it. */
    public static String subjectOf(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    /** A record's key or value as a payload: its bytes read as UTF-8; null for none. */
    public static String payloadOf(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The message of an error and of its causes, which usually say more than the top one: one line each, no repeats. */
    public static String messageOf(Throwable error) {
        StringBuilder message = new StringBuilder();
        for (Throwable cause = error; cause != null && message.length() < 1_000; cause = cause.getCause()) {
            String text = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            int newline = text.indexOf('\n');
            text = newline < 0 ? text : text.substring(0, newline);
            if (message.indexOf(text) < 0) {
                if (!message.isEmpty()) {
                    message.append(": ");
                }
                message.append(text);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return message.toString();
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
