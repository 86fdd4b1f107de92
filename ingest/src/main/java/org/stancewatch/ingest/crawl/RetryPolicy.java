package org.stancewatch.ingest.crawl;

import java.time.Duration;
import java.time.Instant;

/**
 * When a page that failed is tried again. Gone (410) is gone; a missing page (404) and pages
 * that are no article are checked again after a day, then rarely; anything else (timeouts, 5xx,
 * connection trouble) is retried on the next runs with a doubling pause up to a day.
 */
final class RetryPolicy {
    private static final Duration DAY = Duration.ofDays(1);

    private RetryPolicy() {}

    static Instant retryAfter(String reason, int failures, Instant now, Duration interval) {
        return switch (reason) {
            case "http-410" -> now.plus(Duration.ofDays(3650));
            case "robots-disallowed" -> now.plus(DAY);
            case "not-html", "not-an-article", "empty-extraction", "too-large", "off-site-redirect" ->
                    now.plus(failures >= 3 ? Duration.ofDays(30) : DAY);
            default -> {
                if (reason.startsWith("http-4")) {
                    yield now.plus(failures >= 3 ? Duration.ofDays(30) : DAY);
                }
                long factor = 1L << Math.min(Math.max(failures - 1, 0), 10);
                Duration pause = interval.multipliedBy(factor);
                yield now.plus(pause.compareTo(DAY) > 0 ? DAY : pause);
            }
        };
    }
}
