package org.stancewatch.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.SourceStatus;

/**
 * What one step of a crawl produced, written all or nothing: the articles to publish, the dead
 * letters, and the crawl-state changes that record them. Written together, an article is never
 * published without the state that says so, nor recorded without being published. A source's
 * status goes with the run state it was judged from.
 */
public final class CrawlBatch {
    private final List<Article> articles = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<StateChange> changes = new ArrayList<>();
    private final List<SourceStatus> statuses = new ArrayList<>();

    public CrawlBatch article(Article article) {
        articles.add(article);
        return this;
    }

    public CrawlBatch deadLetter(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
        return this;
    }

    public CrawlBatch change(String key, Object value) {
        changes.add(new StateChange(key, value));
        return this;
    }

    public CrawlBatch status(SourceStatus status) {
        statuses.add(status);
        return this;
    }

    public List<Article> articles() {
        return articles;
    }

    public List<DeadLetter> deadLetters() {
        return deadLetters;
    }

    public List<StateChange> changes() {
        return changes;
    }

    /** Source statuses for {@code stancewatch.sources}. */
    public List<SourceStatus> statuses() {
        return statuses;
    }

    public boolean isEmpty() {
        return articles.isEmpty() && deadLetters.isEmpty() && changes.isEmpty() && statuses.isEmpty();
    }
}
