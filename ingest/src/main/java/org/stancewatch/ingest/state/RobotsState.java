package org.stancewatch.ingest.state;

import java.time.Instant;

/**
 * A fetched robots.txt, kept so that a restart does not fetch it again within its lifetime.
 *
 * @param origin    {@code scheme://host:port}
 * @param outcome   what the fetch gave
 * @param body      the file's text (its first 512 KiB) when {@code outcome} is {@code FETCHED}, else empty
 * @param fetchedAt when it was fetched
 */
public record RobotsState(String origin, Outcome outcome, String body, Instant fetchedAt) {
    /** What a robots.txt fetch gave (RFC 9309, section 2.3.1). */
    public enum Outcome {
        /** 2xx: the rules in {@code body} apply */
        FETCHED,
        /** 4xx: "unavailable", everything is allowed */
        UNAVAILABLE,
        /** 5xx or no answer: "unreachable", everything is disallowed for now */
        UNREACHABLE
    }
}
