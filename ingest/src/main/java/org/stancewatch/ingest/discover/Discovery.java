package org.stancewatch.ingest.discover;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.dedup.UrlCanonicalizer;
import org.stancewatch.ingest.fetch.FetchException;
import org.stancewatch.ingest.fetch.FetchFailure;
import org.stancewatch.ingest.fetch.FetchRequest;
import org.stancewatch.ingest.fetch.FetchResponse;
import org.stancewatch.ingest.fetch.FetchScope;
import org.stancewatch.ingest.fetch.HttpFetcher;
import org.stancewatch.ingest.health.ListingCheck;
import org.stancewatch.ingest.publish.CrawlBatch;
import org.stancewatch.ingest.publish.ParserFailure;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.PageState;
import org.stancewatch.ingest.state.StateKey;
import org.stancewatch.model.DeadLetter;

/**
 * Finds a source's article links: its feeds, its sitemaps (indexes followed, at most {@link
 * #MAX_SITEMAPS} per run, {@link #MAX_SITEMAP_DEPTH} indexes deep, and only to sitemaps on the
 * source's site) and its section pages (at most {@link #MAX_SECTION_PAGES} pages of each). Each listing is fetched conditionally, so
 * an unchanged feed costs a 304. A listing that fails (to fetch, to parse, or by crashing its
 * parser) is recorded in the batch as a dead letter and counted; the others still count.
 */
public final class Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
    static final int MAX_SITEMAPS = 20;
    static final int MAX_SITEMAP_DEPTH = 3;
    static final int MAX_SECTION_PAGES = 3;

    private final HttpFetcher fetcher;
    private final CrawlState state;
    private final Clock clock;

    public Discovery(HttpFetcher fetcher, CrawlState state, Clock clock) {
        this.fetcher = fetcher;
        this.state = state;
        this.clock = clock;
    }

    /** What discovery found and what it cost. */
    public static final class Result {
        private final Map<URI, DiscoveredLink> links = new LinkedHashMap<>();
        private final Map<String, Integer> failures = new LinkedHashMap<>();
        private final Map<URI, ListingCheck> checks = new LinkedHashMap<>();
        private final Map<URI, ListingYield> yields = new LinkedHashMap<>();
        private int listingsFetched;
        private int listingsNotModified;
        private int robotsRefused;
        private final UnaryOperator<URI> spelling;

        /** A result that keeps every link's scheme. */
        public Result() {
            this(UnaryOperator.identity());
        }

        /** A result that spells each link as {@code spelling} says before it is compared and kept. */
        Result(UnaryOperator<URI> spelling) {
            this.spelling = spelling;
        }

        /** The article links, each canonical URL once, in listing order. */
        public List<DiscoveredLink> links() {
            return new ArrayList<>(links.values());
        }

        public Map<String, Integer> failures() {
            return failures;
        }

        public int listingsFetched() {
            return listingsFetched;
        }

        public int listingsNotModified() {
            return listingsNotModified;
        }

        public int robotsRefused() {
            return robotsRefused;
        }

        /** How each listing asked for fared (a sitemap index's children and further section pages included). */
        public Map<URI, ListingCheck> checks() {
            return checks;
        }

        /** What each listing fetched or tried answered and listed, in the order they were tried. */
        public Map<URI, ListingYield> yields() {
            return yields;
        }

        void answered(URI url, int status) {
            yields.put(url, ListingYield.answered(url, status));
        }

        void failed(URI url, String reason) {
            yields.put(url, yields.getOrDefault(url, ListingYield.answered(url, 0)).failed(reason));
        }

        /** Counts a parsed listing's items and the articles among them. */
        void counted(URI url, boolean index, List<DiscoveredLink> items, Predicate<URI> isArticle) {
            int accepted = 0;
            URI rejected = null;
            for (DiscoveredLink item : items) {
                if (isArticle.test(item.url())) {
                    accepted++;
                } else if (rejected == null) {
                    rejected = item.url();
                }
            }
            ListingYield answer = yields.getOrDefault(url, ListingYield.answered(url, 0));
            yields.put(url, answer.counted(index, items.size(), accepted, rejected));
        }

        /** Listings fetched or tried, robots.txt refusals aside. */
        public long listingsTried() {
            return checks.values().stream().filter(c -> c.result() != ListingCheck.Result.ROBOTS_DISALLOWED).count();
        }

        /** Of those, the ones that could not be fetched or read. */
        public long listingsFailed() {
            return checks.values().stream().filter(c -> c.result() != ListingCheck.Result.OK
                    && c.result() != ListingCheck.Result.ROBOTS_DISALLOWED).count();
        }

        void check(URI url, ListingCheck.Result outcome, String detail) {
            checks.put(url, new ListingCheck(url, outcome, detail));
        }

        void add(DiscoveredLink link) {
            try {
                URI canonical = UrlCanonicalizer.canonicalUri(spelling.apply(link.url()).toString());
                links.putIfAbsent(canonical, new DiscoveredLink(canonical, link.published(), link.title(), link.via()));
            } catch (IllegalArgumentException e) {
                failures.merge("invalid-url", 1, Integer::sum);
            }
        }
    }

    /**
     * Discovers the source's links; listing state and dead letters go into {@code batch}.
     *
     * @param scope  where the source's fetches may go
     * @param policy the checks before every request, redirects included
     */
    public Result discover(Source source, FetchScope scope, FetchRequest.HopPolicy policy, CrawlBatch batch)
            throws InterruptedException {
        Result result = new Result(source::httpsSpelling);
        Predicate<URI> isArticle = source::isArticle;
        for (URI feed : source.feeds()) {
            FetchResponse response = fetchListing(source, feed, FetchRequest.ACCEPT_FEED, scope, policy, batch, result);
            if (response != null) {
                parse(source, feed, "feed parser", () -> FeedParser.parse(feed, response.body(), response.contentType()),
                        batch, result).ifPresent(links -> {
                            result.counted(feed, false, links, isArticle);
                            links.stream().filter(link -> isArticle.test(link.url())).forEach(result::add);
                        });
            }
        }
        sitemaps(source, scope, policy, batch, result, isArticle);
        for (URI section : source.sections()) {
            URI page = section;
            Set<URI> visited = new HashSet<>();
            for (int n = 0; page != null && n < MAX_SECTION_PAGES && visited.add(page); n++) {
                FetchResponse response = fetchListing(source, page, FetchRequest.ACCEPT_HTML, scope, policy, batch, result);
                if (response == null) {
                    break;
                }
                // every link is read, so that a check can say how many the article patterns refuse
                SectionParser.Section parsed = parse(source, page, "section parser", () -> SectionParser.parse(
                        response.url(), response.body(), response.contentType(), url -> true), batch, result)
                        .orElse(null);
                if (parsed == null) {
                    break;
                }
                result.counted(page, false, parsed.links(), isArticle);
                parsed.links().stream().filter(link -> isArticle.test(link.url())).forEach(result::add);
                page = parsed.next().orElse(null);
            }
        }
        return result;
    }

    private void sitemaps(Source source, FetchScope scope, FetchRequest.HopPolicy policy, CrawlBatch batch, Result result,
                          Predicate<URI> isArticle) throws InterruptedException {
        record Pending(URI url, int depth) {}
        Deque<Pending> queue = new ArrayDeque<>();
        source.sitemaps().forEach(url -> queue.add(new Pending(url, 0)));
        Set<URI> visited = new HashSet<>();
        int fetched = 0;
        while (!queue.isEmpty() && fetched < MAX_SITEMAPS) {
            Pending next = queue.poll();
            if (!visited.add(next.url())) {
                continue;
            }
            fetched++;
            FetchResponse response = fetchListing(source, next.url(), "application/xml,text/xml;q=0.9,*/*;q=0.5",
                    scope, policy, batch, result);
            if (response == null) {
                continue;
            }
            SitemapParser.Sitemap sitemap = parse(source, next.url(), "sitemap parser", () -> SitemapParser.parse(
                    next.url(), response.body(), response.contentType(), fetcher.settings().maxBodyBytes()),
                    batch, result).orElse(null);
            if (sitemap == null) {
                continue;
            }
            if (!sitemap.index()) {
                result.counted(next.url(), false, sitemap.links(), isArticle);
                sitemap.links().stream().filter(link -> isArticle.test(link.url())).forEach(result::add);
            } else if (next.depth() + 1 >= MAX_SITEMAP_DEPTH) {
                fail(source, next.url(), "sitemap-too-deep", "a sitemap index nested more than "
                        + MAX_SITEMAP_DEPTH + " levels deep; its " + sitemap.sitemaps().size()
                        + " sitemaps are not followed", batch, result);
            } else {
                result.yields.put(next.url(), result.yields.getOrDefault(next.url(), ListingYield.answered(next.url(), 0))
                        .counted(true, sitemap.sitemaps().size(), 0, null));
                List<URI> offSite = new ArrayList<>();
                for (URI child : sitemap.sitemaps()) {
                    if (source.acceptsChildSitemap(child)) {
                        queue.add(new Pending(child, next.depth() + 1));
                    } else {
                        offSite.add(child);
                    }
                }
                if (!offSite.isEmpty()) {
                    fail(source, next.url(), "off-site-sitemap", "the sitemap index lists " + offSite.size()
                            + " sitemaps off the source's site, skipped: " + offSite.getFirst()
                            + (offSite.size() > 1 ? " and others" : ""), batch, result);
                }
            }
        }
        if (!queue.isEmpty()) {
            result.failures.merge("sitemap-limit", 1, Integer::sum);
        }
    }

    /** Fetches a listing conditionally; null when there is nothing new to read (304) or it failed. */
    private FetchResponse fetchListing(Source source, URI url, String accept, FetchScope scope,
                                       FetchRequest.HopPolicy policy, CrawlBatch batch, Result result) throws InterruptedException {
        String key = UrlCanonicalizer.canonicalize(url.toString());
        PageState known = state.page(source.id(), key).orElse(null);
        FetchRequest request = fetcher.request(url, scope, accept, policy);
        if (known != null) {
            request = request.conditional(known.etag(), known.lastModified());
        }
        Instant now = clock.instant();
        PageState page = known != null ? known : PageState.discovered(source.id(), key, now);
        try {
            FetchResponse response = fetcher.fetch(request);
            result.answered(url, response.status());
            result.listingsFetched++;
            result.check(url, ListingCheck.Result.OK, "");
            if (response.notModified()) {
                result.listingsNotModified++;
                batch.change(StateKey.page(source.id(), key), page.notModified(now));
                return null;
            }
            batch.change(StateKey.page(source.id(), key), page.fetched(null, response.etag(), response.lastModified(), now));
            return response;
        } catch (FetchException e) {
            result.answered(url, e.status());
            result.failed(url, e.code());
            if (e.failure() == FetchFailure.ROBOTS_DISALLOWED) {
                result.robotsRefused++;
                result.check(url, ListingCheck.Result.ROBOTS_DISALLOWED, e.getMessage());
                return null;
            }
            boolean gone = e.failure() == FetchFailure.HTTP_STATUS && (e.status() == 404 || e.status() == 410);
            result.check(url, gone ? ListingCheck.Result.GONE : ListingCheck.Result.FAILED, e.getMessage());
            fail(source, url, e.code(), e.getMessage(), batch, result);
            return null;
        }
    }

    /** A parser of one listing; it may refuse the listing with a reason. */
    @FunctionalInterface
    interface ListingParser<T> {
        T parse() throws DiscoveryException;
    }

    /**
     * Parses one listing. A refusal fails the listing with its reason; so does anything else the
     * parser throws (libraries throw what they do not declare on hostile input), logged with its
     * trace, so that one bad listing never ends the source's run.
     */
    <T> Optional<T> parse(Source source, URI url, String parser, ListingParser<T> parse, CrawlBatch batch,
                          Result result) {
        try {
            return Optional.of(parse.parse());
        } catch (DiscoveryException e) {
            result.failed(url, e.reason());
            result.check(url, ListingCheck.Result.UNREADABLE, e.getMessage());
            fail(source, url, e.reason(), e.getMessage(), batch, result);
        } catch (RuntimeException e) {
            LOG.warn("{}: the {} failed on {}", source.id(), parser, url, e);
            result.failed(url, ParserFailure.REASON);
            result.check(url, ListingCheck.Result.UNREADABLE, ParserFailure.message(parser, e));
            fail(source, url, ParserFailure.REASON, ParserFailure.message(parser, e), batch, result);
        }
        return Optional.empty();
    }

    private void fail(Source source, URI url, String reason, String message, CrawlBatch batch, Result result) {
        result.failures.merge(reason, 1, Integer::sum);
        batch.deadLetter(DeadLetter.ofUrl(url.toString(), reason, source.id() + ": " + message, null, clock.instant()));
    }
}
