package org.stancewatch.ingest.source;

import java.time.Duration;
import java.util.Objects;

/**
 * The crawler's own settings: the {@code crawler:} section of {@code sources.yml}.
 *
 * @param userAgent        sent with every request: a product token with version and an optional comment, no
 *                         URL; its first word is the name robots.txt rules are matched against
 * @param connectTimeout   to open a connection
 * @param readTimeout      the longest wait for the next bytes of a response
 * @param fetchTimeout     the longest a whole response may take (a server that drips bytes is cut off)
 * @param maxBodyBytes     the largest body read, before and after decompression
 * @param maxRedirects     redirects followed per request, each re-checked
 * @param revisitFor       how long after it was first seen an article is re-fetched (conditionally) for revisions
 * @param maxCrawlDelay    the longest robots.txt Crawl-delay honoured; a host asking more is skipped (its
 *                         requests refused as {@code crawl-delay-too-long}), never crawled faster than it asks
 * @param maxRetryAfter    the longest Retry-After waited for within a run; longer back-offs defer the host to a later run
 * @param parallelSources  sources crawled at once
 * @param stateRetention   how long the crawl state keeps a page that no listing names any more (and
 *                         the article only such pages led to); longer than {@code revisitFor}, so
 *                         an article is never forgotten while it is still checked for revisions
 * @param health           the thresholds of the source health rules ({@code crawler.health})
 * @param from             the operator's e-mail address, sent as the {@code From} header (RFC 9110, section
 *                         10.1.2) so a site can reach whoever runs the crawler; empty for none
 */
public record CrawlSettings(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        Duration fetchTimeout,
        long maxBodyBytes,
        int maxRedirects,
        Duration revisitFor,
        Duration maxCrawlDelay,
        Duration maxRetryAfter,
        int parallelSources,
        Duration stateRetention,
        HealthSettings health,
        String from) {

    /**
     * A product token and a comment, without a URL: some bot managers (NPR's among them) drop
     * connections whose User-Agent carries {@code +http(s)://}. The contact goes in {@link #from}.
     * The version follows the project's (0.1.x); {@code CrawlerUserAgentVersionTest} in the app
     * module keeps the two in step.
     */
    public static final String DEFAULT_USER_AGENT = "stancewatch/0.1 (news stance monitor)";

    /**
     * 30 days: fifteen times the default revision window ({@code revisitFor}, 2 days), and as
     * long as the longest pause before a failed page is tried again (so forgetting a page never
     * cuts a retry pause short, except a 410's), and longer than the analysis' grace period (7
     * days), so an article whose URL comes back after its state was forgotten reaches the analysis
     * late and leaves its aggregates as they were (see {@code StateRetention}).
     */
    public static final Duration DEFAULT_STATE_RETENTION = Duration.ofDays(30);

    public CrawlSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        Objects.requireNonNull(revisitFor, "revisitFor");
        Objects.requireNonNull(maxCrawlDelay, "maxCrawlDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(stateRetention, "stateRetention");
        Objects.requireNonNull(health, "health");
        from = from == null ? "" : from.strip();
        if (stateRetention.compareTo(revisitFor) <= 0) {
            throw new IllegalArgumentException("stateRetention (" + stateRetention + ") must be longer than revisitFor ("
                    + revisitFor + "): an article still checked for revisions must keep its state");
        }
    }

    /** The settings before {@code from} existed: no From header. */
    public CrawlSettings(String userAgent, Duration connectTimeout, Duration readTimeout, Duration fetchTimeout,
                         long maxBodyBytes, int maxRedirects, Duration revisitFor, Duration maxCrawlDelay,
                         Duration maxRetryAfter, int parallelSources, Duration stateRetention, HealthSettings health) {
        this(userAgent, connectTimeout, readTimeout, fetchTimeout, maxBodyBytes, maxRedirects, revisitFor,
                maxCrawlDelay, maxRetryAfter, parallelSources, stateRetention, health, "");
    }

    /** The settings before {@code health} existed: the health rules take their defaults. */
    public CrawlSettings(String userAgent, Duration connectTimeout, Duration readTimeout, Duration fetchTimeout,
                         long maxBodyBytes, int maxRedirects, Duration revisitFor, Duration maxCrawlDelay,
                         Duration maxRetryAfter, int parallelSources, Duration stateRetention) {
        this(userAgent, connectTimeout, readTimeout, fetchTimeout, maxBodyBytes, maxRedirects, revisitFor,
                maxCrawlDelay, maxRetryAfter, parallelSources, stateRetention, HealthSettings.defaults());
    }

    /** The settings before {@code stateRetention} existed: it takes its default. */
    public CrawlSettings(String userAgent, Duration connectTimeout, Duration readTimeout, Duration fetchTimeout,
                         long maxBodyBytes, int maxRedirects, Duration revisitFor, Duration maxCrawlDelay,
                         Duration maxRetryAfter, int parallelSources) {
        this(userAgent, connectTimeout, readTimeout, fetchTimeout, maxBodyBytes, maxRedirects, revisitFor,
                maxCrawlDelay, maxRetryAfter, parallelSources, DEFAULT_STATE_RETENTION);
    }

    /** The defaults, also written out in the shipped {@code sources.yml}. */
    public static CrawlSettings defaults() {
        return new CrawlSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(60), 8L * 1024 * 1024, 5, Duration.ofDays(2), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 4, DEFAULT_STATE_RETENTION, HealthSettings.defaults(), "");
    }

    /** The robots.txt product token: the user agent's first word, before any slash. */
    public String robotName() {
        String first = userAgent.strip().split("[\\s/]", 2)[0];
        return first.isEmpty() ? "stancewatch" : first;
    }

    public CrawlSettings withFetchTimeout(Duration timeout) {
        return new CrawlSettings(userAgent, connectTimeout, readTimeout, timeout, maxBodyBytes, maxRedirects,
                revisitFor, maxCrawlDelay, maxRetryAfter, parallelSources, stateRetention, health, from);
    }

    public CrawlSettings withStateRetention(Duration retention) {
        return new CrawlSettings(userAgent, connectTimeout, readTimeout, fetchTimeout, maxBodyBytes, maxRedirects,
                revisitFor, maxCrawlDelay, maxRetryAfter, parallelSources, retention, health, from);
    }

    public CrawlSettings withHealth(HealthSettings rules) {
        return new CrawlSettings(userAgent, connectTimeout, readTimeout, fetchTimeout, maxBodyBytes, maxRedirects,
                revisitFor, maxCrawlDelay, maxRetryAfter, parallelSources, stateRetention, rules, from);
    }

    public CrawlSettings withFrom(String address) {
        return new CrawlSettings(userAgent, connectTimeout, readTimeout, fetchTimeout, maxBodyBytes, maxRedirects,
                revisitFor, maxCrawlDelay, maxRetryAfter, parallelSources, stateRetention, health, address);
    }

    public CrawlSettings withMaxBodyBytes(long bytes) {
        return new CrawlSettings(userAgent, connectTimeout, readTimeout, fetchTimeout, bytes, maxRedirects,
                revisitFor, maxCrawlDelay, maxRetryAfter, parallelSources, stateRetention, health, from);
    }
}
