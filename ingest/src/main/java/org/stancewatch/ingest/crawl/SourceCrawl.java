package org.stancewatch.ingest.crawl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.crawl.SourceCounters.Outcome;
import org.stancewatch.ingest.discover.DiscoveredLink;
import org.stancewatch.ingest.discover.Discovery;
import org.stancewatch.ingest.extract.Extraction;
import org.stancewatch.ingest.extract.ExtractionException;
import org.stancewatch.ingest.fetch.FetchException;
import org.stancewatch.ingest.fetch.FetchFailure;
import org.stancewatch.ingest.fetch.FetchRequest;
import org.stancewatch.ingest.fetch.FetchResponse;
import org.stancewatch.ingest.fetch.FetchScope;
import org.stancewatch.ingest.fetch.HttpFetcher;
import org.stancewatch.ingest.fetch.Politeness;
import org.stancewatch.ingest.health.ListingCheck;
import org.stancewatch.ingest.health.SourceCheckup;
import org.stancewatch.ingest.health.Visit;
import org.stancewatch.ingest.publish.CrawlBatch;
import org.stancewatch.ingest.publish.CrawlOutput;
import org.stancewatch.ingest.publish.ParserFailure;
import org.stancewatch.ingest.publish.PublishException;
import org.stancewatch.ingest.robots.RobotsCache;
import org.stancewatch.ingest.robots.RobotsRules;
import org.stancewatch.ingest.source.CrawlSettings;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.PageState;
import org.stancewatch.ingest.state.SourceRunState;
import org.stancewatch.ingest.state.StateKey;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.SourceHealth;

/**
 * One run of one source: discover its links, fetch the new ones (newest first) and re-check the
 * recent ones for revisions, extract, decide, publish. Every page's outcome is committed on its
 * own, with the state that records it, so a run stopped half-way loses nothing it did. A bad
 * page is a dead letter and a count; it never stops the run, even when a parser crashes on it.
 */
public final class SourceCrawl {
    private static final Logger LOG = LoggerFactory.getLogger(SourceCrawl.class);
    private static final int DEAD_LETTER_PAYLOAD_CHARS = 4096;

    private final CrawlSettings settings;
    private final HttpFetcher fetcher;
    private final Politeness politeness;
    private final RobotsCache robots;
    private final PageExtractor extractor;
    private final CrawlOutput output;
    private final Clock clock;
    private final Object deciding = new Object();
    private final StateUpkeep upkeep;
    private final SourceCheckup checkup;

    public SourceCrawl(CrawlSettings settings, HttpFetcher fetcher, Politeness politeness, RobotsCache robots,
                       PageExtractor extractor, CrawlOutput output, Clock clock) {
        this.settings = settings;
        this.fetcher = fetcher;
        this.politeness = politeness;
        this.robots = robots;
        this.extractor = extractor;
        this.output = output;
        this.clock = clock;
        this.upkeep = new StateUpkeep(settings.stateRetention());
        this.checkup = new SourceCheckup(settings.health());
    }

    /** Reads a fetched page's article: {@code ArticleExtractor::extract}. */
    @FunctionalInterface
    public interface PageExtractor {
        Extraction extract(URI url, byte[] body, String contentType) throws ExtractionException;
    }

    /** A publishing failure this crawler cannot recover from: the whole crawler stops. */
    public static final class FatalPublishException extends RuntimeException {
        FatalPublishException(PublishException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Runs the source once.
     *
     * @param stop checked between pages: true ends the run early (shutdown, or the source moved to another instance)
     * @return the counts of this run
     */
    public SourceStats run(Source source, SourceCounters counters, BooleanSupplier stop) throws InterruptedException {
        SourceStats before = counters.snapshot();
        long deadLettersBefore = counters.deadLetters();
        Instant start = clock.instant();
        Discovery.Result discovered = null;
        long pagesTried = 0;
        long pageFailures = 0;
        counters.running(true);
        try {
            FetchRequest.HopPolicy policy = hopPolicy(source);
            CrawlBatch listings = new CrawlBatch();
            discovered = new Discovery(fetcher, state(), clock).discover(source, scope(source), policy, listings);
            discovered.failures().forEach(counters::failed);
            counters.add(Outcome.ROBOTS_REFUSED, discovered.robotsRefused());
            upkeep.sweep(source, discovered, state(), listings, clock.instant());
            commit(listings, counters);
            List<Candidate> work = plan(source, discovered.links(), start);
            counters.add(Outcome.DISCOVERED, work.stream().filter(c -> c.known() == null).count());
            Set<String> deferredHosts = new HashSet<>();
            long failedBeforePages = counters.snapshot().failedTotal();
            for (Candidate candidate : work) {
                if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    break;
                }
                String host = candidate.url().getHost();
                if (deferredHosts.contains(host) || longBackOff(host)) {
                    deferredHosts.add(host);
                    counters.increment(Outcome.DEFERRED);
                    continue;
                }
                pagesTried++;
                if (!page(source, candidate, policy, counters)) {
                    deferredHosts.add(host);
                }
            }
            pageFailures = counters.snapshot().failedTotal() - failedBeforePages;
        } finally {
            counters.running(false);
        }
        SourceStats run = SourceCounters.difference(counters.snapshot(), before);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("discovered", run.discovered());
        counts.put("fetched", run.fetched());
        counts.put("published", run.published());
        counts.put("failed", run.failedTotal());
        Instant end = clock.instant();
        Visit visit = new Visit(start, end, run.published() - run.revisions(),
                pagesTried + (discovered == null ? 0 : discovered.listingsTried()),
                pageFailures + (discovered == null ? 0 : discovered.listingsFailed()),
                counters.deadLetters() - deadLettersBefore, ownListings(source, discovered), blocked(run));
        recordRun(source, start, end, counts, visit, counters);
        return run;
    }

    /**
     * Commits the run state with the source's health history, and its status for {@code
     * stancewatch.sources} in the same transaction. A status that cannot be published does not
     * hold the crawl up: the run state goes alone, and the next visit publishes a new status.
     */
    private void recordRun(Source source, Instant start, Instant end, Map<String, Long> counts, Visit visit,
                           SourceCounters counters) {
        SourceRunState previous = state().lastRun(source.id()).orElse(null);
        SourceCheckup.Result checked = checkup.after(source, previous == null ? null : previous.history(), visit);
        SourceRunState runState = new SourceRunState(source.id(), start, end, counts, checked.history());
        try {
            output.commit(new CrawlBatch().change(StateKey.run(source.id()), runState).status(checked.status()));
            SourceHealth before = previous == null || previous.history() == null ? SourceHealth.OK
                    : previous.history().health();
            if (before != checked.status().health()) {
                LOG.info("{}: health {}{}", source.id(), checked.status().health().json(),
                        checked.status().problem().isEmpty() ? "" : ": " + checked.status().problem());
            }
        } catch (PublishException e) {
            if (e.fatal()) {
                throw new FatalPublishException(e);
            }
            LOG.warn("{}: its status could not be published ({}); the next visit publishes a new one", source.id(),
                    e.getMessage());
            commit(new CrawlBatch().change(StateKey.run(source.id()), runState), counters);
        }
    }

    /** The run's fetches that met a bot challenge or a consent wall, for the BLOCKED health rule. */
    private static long blocked(SourceStats run) {
        return run.failed().getOrDefault(FetchFailure.BOT_CHALLENGE.code(), 0L)
                + run.failed().getOrDefault(FetchFailure.CONSENT_WALL.code(), 0L);
    }

    /** How the source's own feeds, sitemaps and section pages fared (not a sitemap index's children). */
    private static List<ListingCheck> ownListings(Source source, Discovery.Result discovered) {
        List<ListingCheck> own = new ArrayList<>();
        if (discovered == null) {
            return own; // discovery did not run: nothing to say about the listings
        }
        List<URI> listings = new ArrayList<>(source.feeds());
        listings.addAll(source.sitemaps());
        listings.addAll(source.sections());
        for (URI listing : listings) {
            ListingCheck check = discovered.checks().get(listing);
            if (check != null) {
                own.add(check);
            }
        }
        return own;
    }

    /** A page to fetch: a new link, or a known article due for a revision check. */
    record Candidate(URI url, Instant listedAt, PageState known) {}

    private List<Candidate> plan(Source source, List<DiscoveredLink> links, Instant now) {
        CrawlState state = state();
        List<Candidate> fresh = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (DiscoveredLink link : links) {
            PageState known = state.page(source.id(), link.url().toString()).orElse(null);
            boolean retry = known != null && known.articleId() == null && known.retryAfter() != null
                    && !known.retryAfter().isAfter(now);
            if (known == null || retry) {
                fresh.add(new Candidate(link.url(), link.published(), known));
                planned.add(link.url().toString());
            }
        }
        // newest first; links without a date keep their listing order, after the dated ones
        fresh.sort(Comparator.comparing(Candidate::listedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        List<Candidate> work = new ArrayList<>(fresh.subList(0, Math.min(fresh.size(), source.maxArticlesPerRun())));
        Instant windowStart = now.minus(settings.revisitFor());
        List<PageState> recent = new ArrayList<>(state.articlePagesSince(source.id(), windowStart));
        recent.sort(Comparator.comparing(PageState::firstSeen).reversed());
        int revisits = 0;
        for (PageState page : recent) {
            if (revisits >= source.maxArticlesPerRun()) {
                break;
            }
            if (planned.add(page.url()) && (page.retryAfter() == null || !page.retryAfter().isAfter(now))) {
                work.add(new Candidate(URI.create(page.url()), null, page));
                revisits++;
            }
        }
        return work;
    }

    /**
     * Fetches and handles one page; false when its host asked us to back off for longer than a
     * run waits, or for a Crawl-delay above the crawler's maximum, or answered a bot challenge or
     * a consent wall: its other pages are deferred.
     */
    private boolean page(Source source, Candidate candidate, FetchRequest.HopPolicy policy, SourceCounters counters)
            throws InterruptedException {
        Instant now = clock.instant();
        String key = StateKey.page(source.id(), candidate.url().toString());
        PageState page = candidate.known() != null ? candidate.known()
                : PageState.discovered(source.id(), candidate.url().toString(), now);
        FetchRequest request = fetcher.request(candidate.url(), scope(source), FetchRequest.ACCEPT_HTML,
                articleHops(source, candidate.url(), policy));
        if (page.articleId() != null) {
            request = request.conditional(page.etag(), page.lastModified());
        }
        FetchResponse response;
        try {
            response = fetcher.fetch(request);
        } catch (FetchException e) {
            return fetchFailed(source, candidate, page, key, e, counters);
        }
        counters.increment(Outcome.FETCHED);
        Instant fetchedAt = response.fetchedAt();
        if (response.notModified()) {
            counters.increment(Outcome.NOT_MODIFIED);
            commit(new CrawlBatch().change(key, page.notModified(fetchedAt)), counters);
            return true;
        }
        Extraction extraction;
        try {
            extraction = extractor.extract(response.url(), response.body(), response.contentType());
        } catch (ExtractionException e) {
            String payload = e.reason() == ExtractionException.Reason.NOT_HTML ? null : head(response.body());
            return pageFailed(source, candidate, page, key, e.reason().code(), e.getMessage(), payload, fetchedAt,
                    counters);
        } catch (RuntimeException e) {
            // a crash of the extractor on this page: the page fails, the run goes on
            LOG.warn("{}: the article extractor failed on {}", source.id(), response.url(), e);
            return pageFailed(source, candidate, page, key, ParserFailure.REASON,
                    ParserFailure.message("article extractor", e), head(response.body()), fetchedAt, counters);
        }
        counters.increment(Outcome.EXTRACTED);
        ArticleAssembler.Decision decision;
        boolean committed;
        // Deciding (new, revision, copy of which) and recording it happen as one step across all
        // sources crawled in parallel: an original and its copy fetched at the same moment by two
        // sources would otherwise each miss the other and neither be marked a copy.
        synchronized (deciding) {
            decision = ArticleAssembler.decide(source, extraction, response.url(), candidate.listedAt(), fetchedAt,
                    state());
            committed = commit(batchOf(decision, key, page, response, fetchedAt, candidate), counters);
        }
        if (committed) {
            if (decision instanceof ArticleAssembler.Publish publish) {
                counters.increment(Outcome.PUBLISHED);
                if (publish.article().revision() > 1) {
                    counters.increment(Outcome.REVISION);
                }
                if (publish.article().isCopy()) {
                    counters.increment(Outcome.COPY);
                }
            } else {
                counters.increment(Outcome.UNCHANGED);
            }
        }
        return true;
    }

    /** What to record for a decision: the article and its state when published, and the page in any case. */
    private static CrawlBatch batchOf(ArticleAssembler.Decision decision, String key, PageState page,
                                      FetchResponse response, Instant fetchedAt, Candidate candidate) {
        CrawlBatch batch = new CrawlBatch();
        String articleId = switch (decision) {
            case ArticleAssembler.Publish publish -> {
                batch.article(publish.article())
                        .change(StateKey.article(publish.article().source(), publish.article().id()), publish.state());
                yield publish.article().id();
            }
            case ArticleAssembler.Unchanged unchanged -> unchanged.articleId();
            case ArticleAssembler.OtherSource other -> {
                LOG.debug("{} is article {} of source {}", candidate.url(), other.articleId(), other.owner());
                yield other.articleId();
            }
        };
        return batch.change(key, page.fetched(articleId, response.etag(), response.lastModified(), fetchedAt));
    }

    private boolean fetchFailed(Source source, Candidate candidate, PageState page, String key, FetchException e,
                                SourceCounters counters) {
        Instant now = clock.instant();
        if (e.failure() == FetchFailure.ROBOTS_DISALLOWED) {
            counters.increment(Outcome.ROBOTS_REFUSED);
            commit(new CrawlBatch().change(key, page.failed(e.code(), now,
                    RetryPolicy.retryAfter(e.code(), page.failures() + 1, now, source.interval()))), counters);
            return true;
        }
        if (e.failure() == FetchFailure.CRAWL_DELAY_TOO_LONG) {
            counters.failed(e.code(), 1);
            LOG.warn("{}: {}; its remaining pages are deferred", source.id(), e.getMessage());
            return false;
        }
        if (e.failure() == FetchFailure.RATE_LIMITED) {
            counters.increment(Outcome.DEFERRED);
            LOG.info("{}: {} asks to wait {} s; its remaining pages wait for a later run", source.id(),
                    candidate.url().getHost(), e.retryAfter().map(Duration::toSeconds).orElse(0L));
            return false;
        }
        pageFailed(source, candidate, page, key, e.code(),
                e.getMessage() + (e.url().equals(candidate.url()) ? "" : " (at " + e.url() + ")"), null, now, counters);
        if (e.failure().blocked()) {
            // the host's other pages would meet the same challenge or wall: asking again is impolite and useless
            LOG.info("{}: {} answered {}; its remaining pages wait for a later run", source.id(),
                    candidate.url().getHost(), e.code());
            return false;
        }
        return true;
    }

    /** Counts a failed page, records when to try it again, and dead-letters it; the run goes on. */
    private boolean pageFailed(Source source, Candidate candidate, PageState page, String key, String reason,
                               String message, String payload, Instant at, SourceCounters counters) {
        counters.failed(reason, 1);
        PageState failed = page.failed(reason, at, RetryPolicy.retryAfter(reason, page.failures() + 1, at,
                source.interval()));
        commit(new CrawlBatch().change(key, failed).deadLetter(DeadLetter.ofUrl(candidate.url().toString(), reason,
                source.id() + ": " + message, payload, at)), counters);
        return true;
    }

    private boolean longBackOff(String host) {
        return politeness.backedOffUntil(host)
                .map(until -> until.isAfter(clock.instant().plus(settings.maxRetryAfter())))
                .orElse(false);
    }

    /**
     * The checks before every request of this source, redirect hops included: its scope, the
     * host's robots.txt, and the host's Crawl-delay, honoured up to the crawler's maximum; a host
     * asking for more is refused ({@link FetchFailure#CRAWL_DELAY_TOO_LONG}), never shortened.
     */
    private FetchRequest.HopPolicy hopPolicy(Source source) {
        return hopPolicy(source, fetcher, robots, settings);
    }

    /** The checks above, for another user of the crawler's fetcher ({@code SourceProbe}): one rule for both. */
    public static FetchRequest.HopPolicy hopPolicy(Source source, HttpFetcher fetcher, RobotsCache robots,
                                                   CrawlSettings settings) {
        FetchScope scope = scope(source);
        return hop -> {
            fetcher.checkAllowed(hop, scope);
            RobotsRules rules = robots.rulesFor(hop, scope, source.minDelay());
            if (!rules.allows(hop)) {
                throw new FetchException(FetchFailure.ROBOTS_DISALLOWED, hop, "robots.txt of "
                        + RobotsCache.origin(hop) + " does not allow " + hop.getRawPath());
            }
            Duration delay = source.minDelay();
            Duration asked = rules.crawlDelay().orElse(Duration.ZERO);
            if (asked.compareTo(settings.maxCrawlDelay()) > 0) {
                // honouring it would hold a crawler thread that long per request; shortening it
                // would crawl the host faster than it asks
                throw new FetchException(FetchFailure.CRAWL_DELAY_TOO_LONG, hop, "robots.txt of "
                        + RobotsCache.origin(hop) + " asks for a Crawl-delay of " + asked.toSeconds()
                        + " s, more than the crawler's maximum of " + settings.maxCrawlDelay().toSeconds()
                        + " s, so the host is skipped");
            }
            return asked.compareTo(delay) > 0 ? asked : delay;
        };
    }

    /** Where the source's fetches may go: its own URLs' ports and, if it allows them, their private origins. */
    public static FetchScope scope(Source source) {
        return FetchScope.ofSite(source.ownUrls(), source.allowPrivateAddresses());
    }

    /**
     * The source's checks for an article's fetch, and before them, for each redirect, that it
     * stays where the source's articles are: refused before anything is asked of the new host.
     */
    public static FetchRequest.HopPolicy articleHops(Source source, URI article, FetchRequest.HopPolicy policy) {
        return hop -> {
            if (!hop.equals(article) && !source.acceptsArticleRedirect(hop)) {
                throw new FetchException(FetchFailure.OFF_SITE_REDIRECT, hop, "the article redirects to " + hop
                        + ", off the site of " + source.home() + " and not one of its article URLs");
            }
            return policy.beforeHop(hop);
        };
    }

    /** Commits a batch; a failure is counted and logged, and the pages it held are done again next run. */
    private boolean commit(CrawlBatch batch, SourceCounters counters) {
        batch.deadLetters().forEach(letter -> LOG.info("dead letter: {} {}: {}", letter.reason(), letter.subject(),
                letter.message()));
        try {
            output.commit(batch);
            counters.deadLettered(batch.deadLetters().size());
            return true;
        } catch (PublishException e) {
            if (e.fatal()) {
                throw new FatalPublishException(e);
            }
            counters.failed("publish-failed", 1);
            LOG.warn("publishing failed; the page will be fetched again on the next run: {}", e.getMessage());
            return false;
        }
    }

    private CrawlState state() {
        return output.state();
    }

    private static String head(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, DEAD_LETTER_PAYLOAD_CHARS * 2), StandardCharsets.UTF_8);
        return text.length() > DEAD_LETTER_PAYLOAD_CHARS ? text.substring(0, DEAD_LETTER_PAYLOAD_CHARS) : text;
    }
}
