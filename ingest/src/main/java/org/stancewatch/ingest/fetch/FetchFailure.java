package org.stancewatch.ingest.fetch;

/** Why a fetch failed. The codes are stable: counters, metrics and dead letters use them. */
public enum FetchFailure {
    INVALID_URL("invalid-url"),
    UNSUPPORTED_SCHEME("unsupported-scheme"),
    BLOCKED_ADDRESS("blocked-address"),
    /** a port other than 80, 443 and those of the source's own URLs */
    BLOCKED_PORT("blocked-port"),
    DNS_FAILURE("dns-failure"),
    CONNECT_FAILED("connect-failed"),
    TLS_FAILURE("tls-failure"),
    TIMEOUT("timeout"),
    TOO_MANY_REDIRECTS("too-many-redirects"),
    REDIRECT_LOOP("redirect-loop"),
    BAD_REDIRECT("bad-redirect"),
    /** a redirect of an article to a URL that is neither on its source's site nor one of its articles */
    OFF_SITE_REDIRECT("off-site-redirect"),
    TOO_LARGE("too-large"),
    /** a status line or header longer than the limit, or more headers than the limit */
    HEADERS_TOO_LARGE("headers-too-large"),
    BAD_ENCODING("bad-encoding"),
    /** an error status; the code is {@code http-<status>} */
    HTTP_STATUS("http"),
    /** 429 or 503 with a back-off longer than the crawler waits within a run */
    RATE_LIMITED("rate-limited"),
    /** robots.txt refuses the URL (a redirect target, or the page itself): counted, not an error */
    ROBOTS_DISALLOWED("robots-disallowed"),
    /** robots.txt asks for a Crawl-delay above the crawler's maximum: the host is skipped, never crawled faster */
    CRAWL_DELAY_TOO_LONG("crawl-delay-too-long"),
    /** a bot manager's challenge (Cloudflare, DataDome, PerimeterX, Akamai, a CAPTCHA) instead of the page */
    BOT_CHALLENGE("bot-challenge"),
    /** a cookie or privacy consent page (or a redirect to one) instead of the page */
    CONSENT_WALL("consent-wall"),
    IO_ERROR("io-error");

    private final String code;

    FetchFailure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the site stood in the way (a challenge or consent wall) rather than failing. */
    public boolean blocked() {
        return this == BOT_CHALLENGE || this == CONSENT_WALL;
    }
}
