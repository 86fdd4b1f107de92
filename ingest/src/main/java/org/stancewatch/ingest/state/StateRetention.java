package org.stancewatch.ingest.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the crawl state bounded. A page that no listing of its source (feed, sitemap, section
 * page) has named for the retention, and that the crawler has not fetched in that time either,
 * can no longer be reached: it is forgotten, and so is an article that only such pages led to.
 * Forgetting writes tombstones to the compacted crawl-state topic, in the batch that records the
 * run's listings, so the topic shrinks with the heap and a restore does not bring them back.
 *
 * <p>A page listed in this run is never forgotten, nor one still checked for revisions (the
 * retention is longer than {@code revisitFor}). When none of the source's listings could be read
 * (the site is down), nothing is forgotten: an outage does not unlist anything. "Listed" means
 * named by a listing read in full: a listing that answers 304 Not Modified is not read, so the
 * pages only it names age as if unlisted.
 *
 * <p><b>A forgotten URL that comes back</b> is a new page: fetched, extracted and, its article
 * being unknown, published as revision 1 under the same article id (the hash of its canonical
 * URL), because the crawler cannot tell it from an article it never saw. The data contract makes
 * that a re-publication, not a duplicate: every consumer keys the article by its id, the index
 * overwrites the document of revision 1 or refuses it where a later revision is indexed, the
 * analysis ignores a revision older than the one it scored, and a same-text replay gives
 * mentions with the same ids and values, which change no aggregate (and an article published
 * more than the analysis' grace period ago counts as late, changing none). Its copy detection
 * starts afresh too: it may be marked a copy of an article still kept, but never of its own copy.
 *
 * <p>Each run writes at most {@link #MAX_CHANGES_PER_RUN} records for this, so a first run over
 * a large old state stays one modest transaction; the rest follows in later runs.
 */
public final class StateRetention {
    /** Records written per run for listing times and tombstones together. */
    static final int MAX_CHANGES_PER_RUN = 10_000;

    private final Duration retention;
    private final Duration relistAfter;
    private final int maxChanges;

    public StateRetention(Duration retention) {
        this(retention, MAX_CHANGES_PER_RUN);
    }

    StateRetention(Duration retention, int maxChanges) {
        this.retention = Objects.requireNonNull(retention, "retention");
        // Writing every listed page's time on every run would rewrite whole sitemaps each run;
        // a tenth of the retention is precise enough for forgetting after the whole of it.
        this.relistAfter = retention.dividedBy(10);
        this.maxChanges = maxChanges;
    }

    /**
     * What one run changes: pages whose listing time is renewed, and the keys of pages and
     * articles forgotten (to be written as tombstones).
     */
    public record Sweep(List<PageState> listed, List<String> forgotten) {
        public boolean isEmpty() {
            return listed.isEmpty() && forgotten.isEmpty();
        }
    }

    /**
     * The changes for a run of {@code source} at {@code now} whose listings named {@code listedUrls}.
     *
     * @param listingsRead whether any listing of the source could be read in this run (200 or 304)
     */
    public Sweep sweep(CrawlState state, String source, Set<String> listedUrls, Instant now, boolean listingsRead) {
        Instant horizon = now.minus(retention);
        Instant relistBefore = now.minus(relistAfter);
        List<PageState> listed = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        Set<String> unreferenced = new HashSet<>();
        if (listingsRead) {
            state.forEachArticle(source, article -> {
                if (article.lastPublished() == null || article.lastPublished().isBefore(horizon)) {
                    unreferenced.add(article.id());
                }
            });
        }
        state.forEachPage(source, page -> {
            if (listedUrls.contains(page.url())) {
                if ((page.lastListed() == null || page.lastListed().isBefore(relistBefore)) && room(listed, forgotten)) {
                    listed.add(page.listed(now));
                }
            } else if (listingsRead && page.lastReached().isBefore(horizon) && room(listed, forgotten)) {
                forgotten.add(StateKey.page(source, page.url()));
                return; // its article is forgotten with it, unless another page still leads to it
            }
            if (page.articleId() != null) {
                unreferenced.remove(page.articleId());
            }
        });
        for (String id : unreferenced) {
            if (room(listed, forgotten)) {
                forgotten.add(StateKey.article(source, id));
            }
        }
        return new Sweep(listed, forgotten);
    }

    private boolean room(List<PageState> listed, List<String> forgotten) {
        return listed.size() + forgotten.size() < maxChanges;
    }

    public Duration retention() {
        return retention;
    }
}
