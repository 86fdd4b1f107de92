package org.stancewatch.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.SourceStatus;

/**
 * Keeps what a crawl produced in memory: for tests, and for {@code stancewatch crawl --dry-run},
 * which shows what would be published without Kafka. State lives only as long as the process.
 */
public final class MemoryOutput implements CrawlOutput {
    private final CrawlState state = new CrawlState();
    private final List<Article> articles = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<SourceStatus> statuses = new ArrayList<>();
    private final Consumer<CrawlBatch> listener;

    public MemoryOutput() {
        this(batch -> {});
    }

    /** @param listener sees every committed batch (the dry run prints them) */
    public MemoryOutput(Consumer<CrawlBatch> listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void commit(CrawlBatch batch) {
        articles.addAll(batch.articles());
        deadLetters.addAll(batch.deadLetters());
        statuses.addAll(batch.statuses());
        batch.changes().forEach(change -> state.apply(change.key(), change.value()));
        listener.accept(batch);
    }

    @Override
    public CrawlState state() {
        return state;
    }

    public synchronized List<Article> articles() {
        return List.copyOf(articles);
    }

    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Every source status published, in order (a source's latest is its last). */
    public synchronized List<SourceStatus> statuses() {
        return List.copyOf(statuses);
    }

    @Override
    public void close() {}
}
