package org.stancewatch.ingest.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.stancewatch.ingest.dedup.NearDuplicateIndex;

/**
 * The crawler's memory, held in this process and rebuilt at start from the crawl-state topic:
 * pages seen per source, the last published revision of each article, fingerprints for
 * duplicate detection, robots.txt files and each source's last run.
 *
 * <p>Every change goes through {@link #apply}, whether it was made here (after its Kafka
 * transaction committed) or read back from the topic (at start, or written by another crawler
 * instance); applying the same change twice is harmless. A removal (a tombstone on the topic)
 * takes the record out of the heap; {@link StateRetention} decides what is removed.
 *
 * <p>Pages and articles, millions of them, are held as {@link StoredPage} and {@link
 * StoredArticle}: numbers where the records have objects, and one copy of each string that
 * several records repeat (see {@code bin/benchmark ingest-state} for what that saves).
 */
public final class CrawlState {
    /** Sweeping the fingerprint indexes costs a pass over them; a few forgotten articles wait for more. */
    private static final int MIN_FORGOTTEN_BEFORE_SWEEP = 1024;

    private final Map<String, Map<String, StoredPage>> pages = new ConcurrentHashMap<>();
    private final Map<String, StoredArticle> articles = new ConcurrentHashMap<>();
    private final Map<String, String> contentHashes = new ConcurrentHashMap<>();
    private final NearDuplicateIndex nearDuplicates = new NearDuplicateIndex();
    private final NearDuplicateIndex nearCores = new NearDuplicateIndex();
    /** Source ids and failure reasons: a few distinct values, each repeated by a million records. */
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, RobotsState> robots = new ConcurrentHashMap<>();
    private final Map<String, SourceRunState> runs = new ConcurrentHashMap<>();
    private int forgottenSinceSweep;

    /** Applies one change: a record, or a removal ({@code value} null) of the key's record. */
    public synchronized void apply(String key, Object value) {
        switch (StateKey.kind(key)) {
            case StateKey.PAGE -> applyPage(key, (PageState) value);
            case StateKey.ARTICLE -> applyArticle(key, (ArticleState) value);
            case StateKey.ROBOTS -> {
                String origin = key.substring(StateKey.ROBOTS.length() + 1);
                if (value == null) {
                    robots.remove(origin);
                } else {
                    robots.put(origin, (RobotsState) value);
                }
            }
            case StateKey.RUN -> {
                String source = key.substring(StateKey.RUN.length() + 1);
                if (value == null) {
                    runs.remove(source);
                } else {
                    runs.put(source, (SourceRunState) value);
                }
            }
            default -> throw new IllegalArgumentException("unknown state key '" + key + "'");
        }
    }

    private void applyPage(String key, PageState page) {
        if (page == null) {
            String[] parts = key.split("\\|", 3);
            Map<String, StoredPage> ofSource = pages.get(parts[1]);
            if (ofSource != null) {
                ofSource.remove(parts[2]);
            }
            return;
        }
        String url = page.url();
        String articleId = page.articleId();
        StoredArticle article = articleId == null ? null : articles.get(articleId);
        if (article != null) {
            articleId = article.id();
            // the crawler writes an article before its page, so the page can share the URL string
            url = article.canonicalUrl().equals(url) ? article.canonicalUrl() : url;
        }
        pages.computeIfAbsent(name(page.source()), s -> new ConcurrentHashMap<>())
                .put(url, StoredPage.of(page, articleId, name(page.lastFailure())));
    }

    private void applyArticle(String key, ArticleState article) {
        if (article == null) {
            forget(key.substring(key.lastIndexOf('|') + 1));
            return;
        }
        StoredArticle previous = articles.get(article.id());
        if (previous != null && previous.revision() > article.revision()) {
            return; // an older record read back after a newer one was applied
        }
        String id = previous != null ? previous.id() : article.id();
        String canonical = previous != null && previous.canonicalUrl().equals(article.canonicalUrl())
                ? previous.canonicalUrl() : article.canonicalUrl();
        StoredArticle original = article.copyOf() == null ? null : articles.get(article.copyOf());
        String copyOf = original != null ? original.id() : article.copyOf();
        StoredArticle stored = StoredArticle.of(article, id, name(article.source()), canonical, copyOf);
        articles.put(id, stored);
        contentHashes.putIfAbsent(stored.contentHash(), id);
        if (previous == null || previous.simhash() != stored.simhash()) {
            nearDuplicates.add(stored.simhash(), id);
        }
        if (stored.hasCore() && (previous == null || !previous.hasCore() || previous.coreSimhash() != stored.coreSimhash())) {
            nearCores.add(stored.coreSimhash(), id);
        }
    }

    /**
     * Takes an article out. Its fingerprints stay in the near-duplicate indexes, skipped by
     * lookups, until forgotten ones outnumber the live articles; then they are swept out at once.
     */
    private void forget(String id) {
        StoredArticle gone = articles.remove(id);
        if (gone == null) {
            return;
        }
        contentHashes.remove(gone.contentHash(), gone.id());
        forgottenSinceSweep++;
        if (forgottenSinceSweep > Math.max(MIN_FORGOTTEN_BEFORE_SWEEP, articles.size())) {
            // earlier revisions' texts may name the article too
            contentHashes.values().removeIf(other -> !articles.containsKey(other));
            nearDuplicates.removeIf(other -> !articles.containsKey(other));
            nearCores.removeIf(other -> !articles.containsKey(other));
            forgottenSinceSweep = 0;
        }
    }

    private String name(String name) {
        return name == null ? null : names.computeIfAbsent(name, n -> n);
    }

    public Optional<PageState> page(String source, String url) {
        Map<String, StoredPage> ofSource = pages.get(source);
        StoredPage page = ofSource == null ? null : ofSource.get(url);
        return page == null ? Optional.empty() : Optional.of(page.state(source, url));
    }

    /** A source's pages that yielded articles first seen after {@code since}: the ones re-checked for revisions. */
    public List<PageState> articlePagesSince(String source, Instant since) {
        long after = EpochNanos.of(since);
        List<PageState> recent = new ArrayList<>();
        Map<String, StoredPage> ofSource = pages.get(source);
        if (ofSource != null) {
            ofSource.forEach((url, page) -> {
                if (page.articleId() != null && page.firstSeen() != EpochNanos.NONE && page.firstSeen() > after) {
                    recent.add(page.state(source, url));
                }
            });
        }
        return recent;
    }

    /** Hands each of a source's pages to {@code action}, one at a time (a source may have millions). */
    public void forEachPage(String source, Consumer<PageState> action) {
        Map<String, StoredPage> ofSource = pages.get(source);
        if (ofSource != null) {
            ofSource.forEach((url, page) -> action.accept(page.state(source, url)));
        }
    }

    /** Hands each article a source published to {@code action}, one at a time. */
    public void forEachArticle(String source, Consumer<ArticleState> action) {
        articles.values().forEach(article -> {
            if (article.source().equals(source)) {
                action.accept(article.state());
            }
        });
    }

    public int pageCount(String source) {
        Map<String, StoredPage> ofSource = pages.get(source);
        return ofSource == null ? 0 : ofSource.size();
    }

    public Optional<ArticleState> article(String id) {
        return Optional.ofNullable(articles.get(id)).map(StoredArticle::state);
    }

    public int articleCount() {
        return articles.size();
    }

    /** The article first published with exactly this text, if any (and still kept). */
    public Optional<String> articleWithContent(String contentHash) {
        return Optional.ofNullable(contentHashes.get(contentHash)).filter(articles::containsKey);
    }

    /**
     * The earliest article whose text is nearly this one's, other than {@code except}; failing
     * that, the earliest whose core (the text but its first and last paragraphs) is nearly this
     * one's core.
     *
     * <p>An article recorded as a copy of {@code except} is never its original: when {@code
     * except} was forgotten and comes back, its copy may be the earliest one left with its text.
     */
    public Optional<String> nearDuplicateOf(long simhash, OptionalLong coreSimhash, String except) {
        Predicate<String> eligible = id -> {
            StoredArticle candidate = articles.get(id);
            return candidate != null && !id.equals(except) && !except.equals(candidate.copyOf());
        };
        Optional<String> whole = nearDuplicates.nearest(simhash, eligible);
        if (whole.isPresent() || coreSimhash.isEmpty()) {
            return whole;
        }
        return nearCores.nearest(coreSimhash.getAsLong(), eligible);
    }

    /** Fingerprints held by the near-duplicate indexes, forgotten articles' included until swept out. */
    int fingerprints() {
        return nearDuplicates.size() + nearCores.size();
    }

    public Optional<RobotsState> robots(String origin) {
        return Optional.ofNullable(robots.get(origin));
    }

    public Optional<SourceRunState> lastRun(String source) {
        return Optional.ofNullable(runs.get(source));
    }
}
