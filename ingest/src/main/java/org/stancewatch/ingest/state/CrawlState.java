package org.stancewatch.ingest.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.stancewatch.ingest.dedup.Fingerprints;
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
 */
public final class CrawlState {
    /** Sweeping the fingerprint indexes costs a pass over them; a few forgotten articles wait for more. */
    private static final int MIN_FORGOTTEN_BEFORE_SWEEP = 1024;

    private final Map<String, Map<String, PageState>> pages = new ConcurrentHashMap<>();
    private final Map<String, ArticleState> articles = new ConcurrentHashMap<>();
    private final Map<String, String> contentHashes = new ConcurrentHashMap<>();
    private final NearDuplicateIndex nearDuplicates = new NearDuplicateIndex();
    private final NearDuplicateIndex nearCores = new NearDuplicateIndex();
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
            Map<String, PageState> ofSource = pages.get(parts[1]);
            if (ofSource != null) {
                ofSource.remove(parts[2]);
            }
            return;
        }
        pages.computeIfAbsent(page.source(), s -> new ConcurrentHashMap<>()).put(page.url(), page);
    }

    private void applyArticle(String key, ArticleState article) {
        if (article == null) {
            forget(key.substring(key.lastIndexOf('|') + 1));
            return;
        }
        ArticleState previous = articles.get(article.id());
        if (previous != null && previous.revision() > article.revision()) {
            return; // an older record read back after a newer one was applied
        }
        articles.put(article.id(), article);
        contentHashes.putIfAbsent(article.contentHash(), article.id());
        if (previous == null || !previous.simhash().equals(article.simhash())) {
            nearDuplicates.add(Fingerprints.parseHex(article.simhash()), article.id());
        }
        if (article.coreSimhash() != null
                && (previous == null || !article.coreSimhash().equals(previous.coreSimhash()))) {
            nearCores.add(Fingerprints.parseHex(article.coreSimhash()), article.id());
        }
    }

    /**
     * Takes an article out. Its fingerprints stay in the near-duplicate indexes, skipped by
     * lookups, until forgotten ones outnumber the live articles; then they are swept out at once.
     */
    private void forget(String id) {
        ArticleState gone = articles.remove(id);
        if (gone == null) {
            return;
        }
        contentHashes.remove(gone.contentHash(), id);
        forgottenSinceSweep++;
        if (forgottenSinceSweep > Math.max(MIN_FORGOTTEN_BEFORE_SWEEP, articles.size())) {
            // earlier revisions' texts may name the article too
            contentHashes.values().removeIf(other -> !articles.containsKey(other));
            nearDuplicates.removeIf(other -> !articles.containsKey(other));
            nearCores.removeIf(other -> !articles.containsKey(other));
            forgottenSinceSweep = 0;
        }
    }

    public Optional<PageState> page(String source, String url) {
        Map<String, PageState> ofSource = pages.get(source);
        return ofSource == null ? Optional.empty() : Optional.ofNullable(ofSource.get(url));
    }

    /** A source's pages that yielded articles first seen after {@code since}: the ones re-checked for revisions. */
    public List<PageState> articlePagesSince(String source, Instant since) {
        Map<String, PageState> ofSource = pages.get(source);
        List<PageState> recent = new ArrayList<>();
        if (ofSource != null) {
            for (PageState page : ofSource.values()) {
                if (page.articleId() != null && page.firstSeen() != null && page.firstSeen().isAfter(since)) {
                    recent.add(page);
                }
            }
        }
        return recent;
    }

    /** A snapshot of a source's pages. */
    public List<PageState> pagesOf(String source) {
        Map<String, PageState> ofSource = pages.get(source);
        return ofSource == null ? List.of() : List.copyOf(ofSource.values());
    }

    /** A snapshot of the articles a source published. */
    public List<ArticleState> articlesOf(String source) {
        return articles.values().stream().filter(article -> article.source().equals(source)).toList();
    }

    public int pageCount(String source) {
        Map<String, PageState> ofSource = pages.get(source);
        return ofSource == null ? 0 : ofSource.size();
    }

    public Optional<ArticleState> article(String id) {
        return Optional.ofNullable(articles.get(id));
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
    public Optional<String> nearDuplicateOf(long simhash, java.util.OptionalLong coreSimhash, String except) {
        Predicate<String> eligible = id -> {
            ArticleState candidate = articles.get(id);
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
