package org.stancewatch.ingest.robots;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.fetch.FetchException;
import org.stancewatch.ingest.fetch.FetchFailure;
import org.stancewatch.ingest.fetch.FetchRequest;
import org.stancewatch.ingest.fetch.FetchResponse;
import org.stancewatch.ingest.fetch.FetchScope;
import org.stancewatch.ingest.fetch.HttpFetcher;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.RobotsState;

/**
 * robots.txt per origin, fetched once and kept: in memory, parsed, and in the crawl state, so a
 * restart (or another crawler instance) does not fetch it again. A fetched file is used for 24
 * hours (RFC 9309, section 2.4); an unreachable one is retried after an hour, and meanwhile the
 * last good copy is used if there is one, else nothing is crawled on that origin. Only the first
 * {@link #MAX_BYTES} of a file are read (the RFC asks crawlers to parse at least 500 KiB).
 */
public final class RobotsCache {
    public static final long MAX_BYTES = 512 * 1024;
    static final Duration FRESH = Duration.ofHours(24);
    static final Duration RETRY_UNREACHABLE = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);

    private final HttpFetcher fetcher;
    private final CrawlState state;
    private final Consumer<RobotsState> store;
    private final String robotName;
    private final Clock clock;
    private final Map<String, Entry> parsed = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private record Entry(RobotsState state, RobotsRules rules) {}

    /**
     * @param store saves a newly fetched robots.txt in the crawl state
     */
    public RobotsCache(HttpFetcher fetcher, CrawlState state, Consumer<RobotsState> store, String robotName, Clock clock) {
        this.fetcher = fetcher;
        this.state = state;
        this.store = store;
        this.robotName = robotName;
        this.clock = clock;
    }

    /** The rules for the URL's origin, fetching robots.txt if it is not known or too old. */
    public RobotsRules rulesFor(URI url, FetchScope scope, Duration delay) throws InterruptedException {
        String origin = origin(url);
        synchronized (locks.computeIfAbsent(origin, o -> new Object())) {
            Instant now = clock.instant();
            Entry entry = parsed.get(origin);
            RobotsState known = entry != null ? entry.state() : state.robots(origin).orElse(null);
            if (known != null && isCurrent(known, now)) {
                if (entry == null || entry.state() != known) {
                    entry = new Entry(known, RobotsRules.of(known, robotName));
                    parsed.put(origin, entry);
                }
                return entry.rules();
            }
            RobotsState fetched = fetch(origin, scope, delay, now);
            if (fetched.outcome() == RobotsState.Outcome.UNREACHABLE && known != null
                    && known.outcome() != RobotsState.Outcome.UNREACHABLE) {
                // RFC 9309 2.4: while unreachable, the cached copy may be used beyond 24 hours
                LOG.info("robots.txt of {} is unreachable; keeping the copy from {}", origin, known.fetchedAt());
                fetched = new RobotsState(origin, known.outcome(), known.body(), now.minus(FRESH).plus(RETRY_UNREACHABLE));
            }
            store.accept(fetched);
            Entry fresh = new Entry(fetched, RobotsRules.of(fetched, robotName));
            parsed.put(origin, fresh);
            return fresh.rules();
        }
    }

    private static boolean isCurrent(RobotsState known, Instant now) {
        Duration lifetime = known.outcome() == RobotsState.Outcome.UNREACHABLE ? RETRY_UNREACHABLE : FRESH;
        return known.fetchedAt().plus(lifetime).isAfter(now);
    }

    private RobotsState fetch(String origin, FetchScope scope, Duration delay, Instant now) throws InterruptedException {
        URI robotsUrl = URI.create(origin + "/robots.txt");
        FetchRequest request = new FetchRequest(robotsUrl, scope, null, null, "text/plain,*/*;q=0.5",
                MAX_BYTES, true, FetchRequest.HopPolicy.fixedDelay(delay));
        try {
            FetchResponse response = fetcher.fetch(request);
            if (response.truncated()) {
                LOG.info("robots.txt of {} is larger than {} KiB; the rest is ignored", origin, MAX_BYTES / 1024);
            }
            return new RobotsState(origin, RobotsState.Outcome.FETCHED,
                    new String(response.body(), StandardCharsets.UTF_8), now);
        } catch (FetchException e) {
            // a 4xx is "unavailable" (RFC 9309 2.3.1.3) even when it is a bot challenge's: the
            // pages then meet the challenge themselves and are reported as such
            boolean unavailable = (e.failure() == FetchFailure.HTTP_STATUS || e.failure().blocked())
                    && e.status() >= 400 && e.status() < 500;
            LOG.info("robots.txt of {}: {} ({}), so {}", origin, e.code(), e.getMessage(),
                    unavailable ? "everything is allowed" : "nothing is crawled there for now");
            return new RobotsState(origin, unavailable ? RobotsState.Outcome.UNAVAILABLE : RobotsState.Outcome.UNREACHABLE,
                    "", now);
        }
    }

    /** {@code scheme://host[:port]}, lower case, default ports left out. */
    public static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
