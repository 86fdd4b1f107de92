package org.stancewatch.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;

/**
 * What one step of a crawl produced, written all or nothing: the articles to publish, the dead
 * letters, and the crawl-state changes that record them. Written together, an article is never
 * published without the state that says so, nor recorded without being published.
 */
public final class CrawlBatch {
    private final List<Article> articles = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<StateChange> changes = new ArrayList<>();

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

    public List<Article> articles() {
        return articles;
    }

    public List<DeadLetter> deadLetters() {
        return deadLetters;
    }

    public List<StateChange> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return articles.isEmpty() && deadLetters.isEmpty() && changes.isEmpty();
    }
}
