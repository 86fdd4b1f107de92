package org.stancewatch.ingest.check;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.stancewatch.ingest.crawl.SourceCrawl;
import org.stancewatch.ingest.discover.DiscoveredLink;
import org.stancewatch.ingest.discover.Discovery;
import org.stancewatch.ingest.discover.ListingYield;
import org.stancewatch.ingest.extract.ArticleExtractor;
import org.stancewatch.ingest.extract.Extraction;
import org.stancewatch.ingest.extract.ExtractionException;
import org.stancewatch.ingest.fetch.FetchException;
import org.stancewatch.ingest.fetch.FetchRequest;
import org.stancewatch.ingest.fetch.FetchResponse;
import org.stancewatch.ingest.fetch.FetchScope;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.ingest.fetch.HttpFetcher;
import org.stancewatch.ingest.fetch.Politeness;
import org.stancewatch.ingest.health.ListingCheck;
import org.stancewatch.ingest.publish.CrawlBatch;
import org.stancewatch.ingest.publish.ParserFailure;
import org.stancewatch.ingest.robots.RobotsCache;
import org.stancewatch.ingest.robots.RobotsRules;
import org.stancewatch.ingest.source.CrawlSettings;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.RobotsState;

/**
 * One visit of a source the way the crawler makes it, to tell whether it works now, for {@code
 * stancewatch sources check}: the crawler's fetcher (limits, SSRF guard, politeness, bot
 * challenge and consent wall detection), its robots.txt rules and hop checks, its discovery and
 * its extractor, with nothing of its own. It reads every listing once and the newest article
 * listed, and keeps nothing: its crawl state lives in memory for the probe's lifetime (so
 * robots.txt is fetched once per origin), nothing is published, no dead letter is written.
 *
 * <p>Thread-safe: sources may be checked in parallel; each host still gets one request at a
 * time at the source's rate.
 */
public final class SourceProbe implements AutoCloseable {
    private final CrawlSettings settings;
    private final HttpFetcher fetcher;
    private final RobotsCache robots;
    private final CrawlState state = new CrawlState();
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final Clock clock;

    /**
     * @param resolver host name resolution: the system's, or a test's own names
     */
    public SourceProbe(CrawlSettings settings, HostResolver resolver, Clock clock) {
        this.settings = settings;
        this.fetcher = new HttpFetcher(settings, resolver, new Politeness());
        this.robots = new RobotsCache(fetcher, state, fetched -> {}, settings.robotName(), clock);
        this.clock = clock;
    }

    /** The report of a source the sources file disables: nothing is fetched. */
    public SourceCheckReport disabled(Source source, String reason) {
        return new SourceCheckReport(source.id(), source.name(), CheckVerdict.DISABLED,
                "disabled in the sources file: " + reason, List.of(), null, Duration.ZERO);
    }

    /** Visits the source once and judges it. */
    public SourceCheckReport check(Source source) throws InterruptedException {
        Instant start = clock.instant();
        FetchScope scope = SourceCrawl.scope(source);
        FetchRequest.HopPolicy policy = SourceCrawl.hopPolicy(source, fetcher, robots, settings);
        // the batch takes what a crawl would commit (listing state, dead letters); a check drops it
        Discovery.Result discovered = new Discovery(fetcher, state, clock).discover(source, scope, policy, new CrawlBatch());
        List<ListingProbe> listings = listings(source, discovered, scope);
        ArticleProbe article = newest(discovered.links()).isEmpty() ? null
                : article(source, newest(discovered.links()).getFirst(), scope, policy);
        CheckRules.Verdict verdict = CheckRules.judge(listings, article, settings.robotName());
        return new SourceCheckReport(source.id(), source.name(), verdict.verdict(), verdict.reason(), listings, article,
                Duration.between(start, clock.instant()));
    }

    private List<ListingProbe> listings(Source source, Discovery.Result discovered, FetchScope scope)
            throws InterruptedException {
        List<ListingProbe> probes = new ArrayList<>();
        for (ListingYield yield : discovered.yields().values()) {
            ListingCheck check = discovered.checks().get(yield.url());
            String problem = check == null || check.result() == ListingCheck.Result.OK ? "" : check.detail();
            if (yield.read() && yield.found() > 0 && yield.accepted() == 0 && yield.rejected() != null) {
                problem = "no item is an article by its patterns, e.g. " + yield.rejected();
            }
            probes.add(new ListingProbe(kind(source, yield.url()), yield.url(), yield.status(),
                    robotsVerdict(source, yield.url(), scope), yield.read(), yield.index(), yield.found(),
                    yield.accepted(), yield.failure(), problem));
        }
        return probes;
    }

    private static String kind(Source source, URI url) {
        if (source.feeds().contains(url)) {
            return "feed";
        }
        if (source.sitemaps().contains(url)) {
            return "sitemap";
        }
        if (source.sections().contains(url)) {
            return "section";
        }
        // a page discovery reached from one of them: a sitemap index's child, or a section's next page
        boolean sitemapChild = source.sections().isEmpty() || !source.sitemaps().isEmpty() && url.getPath().endsWith(".xml");
        return sitemapChild ? "sitemap" : "section";
    }

    /** The links newest first, as the crawler plans its fetches; undated ones after, in listing order. */
    private static List<URI> newest(List<DiscoveredLink> links) {
        return links.stream()
                .sorted(Comparator.comparing(DiscoveredLink::published, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(DiscoveredLink::url)
                .toList();
    }

    private ArticleProbe article(Source source, URI url, FetchScope scope, FetchRequest.HopPolicy policy)
            throws InterruptedException {
        RobotsVerdict allowed = robotsVerdict(source, url, scope);
        if (allowed == RobotsVerdict.DISALLOWED || allowed == RobotsVerdict.UNREACHABLE) {
            return new ArticleProbe(url, 0, allowed, "", null, "", 0, "robots-disallowed",
                    "robots.txt does not allow " + settings.robotName() + " to fetch it");
        }
        FetchResponse response;
        try {
            response = fetcher.fetch(fetcher.request(url, scope, FetchRequest.ACCEPT_HTML,
                    SourceCrawl.articleHops(source, url, policy)));
        } catch (FetchException e) {
            return new ArticleProbe(url, e.status(), allowed, "", null, "", 0, e.code(), e.getMessage());
        }
        try {
            Extraction extraction = extractor.extract(response.url(), response.body(), response.contentType());
            return new ArticleProbe(url, response.status(), allowed, extraction.title(),
                    extraction.published().map(p -> p.instant()).orElse(null),
                    extraction.published().map(p -> p.source().json()).orElse(""), extraction.wordCount(), "", "");
        } catch (ExtractionException e) {
            return new ArticleProbe(url, response.status(), allowed, "", null, "", 0, e.reason().code(), e.getMessage());
        } catch (RuntimeException e) {
            return new ArticleProbe(url, response.status(), allowed, "", null, "", 0, ParserFailure.REASON,
                    ParserFailure.message("article extractor", e));
        }
    }

    /** What robots.txt says of the URL; the file is fetched once per origin, as the crawler does. */
    private RobotsVerdict robotsVerdict(Source source, URI url, FetchScope scope) throws InterruptedException {
        try {
            fetcher.checkAllowed(url, scope);
        } catch (FetchException e) {
            return RobotsVerdict.NOT_CHECKED;
        }
        RobotsRules rules = robots.rulesFor(url, scope, source.minDelay());
        if (rules.outcome() == RobotsState.Outcome.UNREACHABLE) {
            return RobotsVerdict.UNREACHABLE;
        }
        return rules.allows(url) ? RobotsVerdict.ALLOWED : RobotsVerdict.DISALLOWED;
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
