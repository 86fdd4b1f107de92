package org.stancewatch.ingest;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.stancewatch.ingest.fetch.FetchException;
import org.stancewatch.ingest.fetch.FetchFailure;
import org.stancewatch.ingest.fetch.FetchRequest;
import org.stancewatch.ingest.fetch.FetchResponse;
import org.stancewatch.ingest.fetch.FetchScope;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.ingest.fetch.HttpFetcher;
import org.stancewatch.ingest.fetch.Politeness;
import org.stancewatch.ingest.robots.RobotsCache;
import org.stancewatch.ingest.robots.RobotsRules;
import org.stancewatch.ingest.source.CrawlSettings;
import org.stancewatch.ingest.state.CrawlState;

/**
 * Fetches single pages the way the crawler does (same client, SSRF guard, robots.txt, limits),
 * for {@code stancewatch extract URL}.
 */
public final class PageFetch implements AutoCloseable {
    private final HttpFetcher fetcher;
    private final RobotsCache robots;
    private final CrawlSettings settings;

    public PageFetch(CrawlSettings settings, HostResolver resolver) {
        this.settings = settings;
        this.fetcher = new HttpFetcher(settings, resolver, new Politeness());
        CrawlState state = new CrawlState();
        this.robots = new RobotsCache(fetcher, state, r -> {}, settings.robotName(), Clock.systemUTC());
    }

    public FetchResponse fetch(URI url) throws FetchException, InterruptedException {
        FetchScope scope = FetchScope.ofSite(List.of(url), false);
        FetchRequest.HopPolicy policy = hop -> {
            fetcher.checkAllowed(hop, scope);
            RobotsRules rules = robots.rulesFor(hop, scope, java.time.Duration.ofSeconds(1));
            if (!rules.allows(hop)) {
                throw new FetchException(FetchFailure.ROBOTS_DISALLOWED, hop, "robots.txt of " + RobotsCache.origin(hop)
                        + " does not allow " + settings.robotName() + " to fetch " + hop.getRawPath());
            }
            return java.time.Duration.ofSeconds(1);
        };
        return fetcher.fetch(fetcher.request(url, scope, FetchRequest.ACCEPT_HTML, policy));
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
