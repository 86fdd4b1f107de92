package org.stancewatch.analyze.stream.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.errors.AnalyzeFailure;
import org.stancewatch.analyze.stream.errors.Reasons;
import org.stancewatch.analyze.stream.eventtime.MentionHeaders;
import org.stancewatch.analyze.stream.eventtime.PublicationTimeExtractor;
import org.stancewatch.analyze.stream.monitor.JobCounters;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.json.Codecs;

/**
 * Scores each article revision and publishes its mentions, replacing what an earlier revision
 * published: mentions the new revision no longer has are retracted with a tombstone, the others
 * are overwritten under their deterministic ids. An older revision than the one already
 * published is ignored. Processing the same revision again (after a crash, under at-least-once)
 * publishes the same mentions and the same tombstones again, which downstream treats as no change.
 *
 * <p>The index deletes the mentions a revision drops on its own as well ({@code RevisionCleanup}
 * in the index module). Both are needed: these tombstones are how the job's own aggregates and
 * every other reader of the mentions topic learn of a retraction, while the index also meets
 * revisions that bring no tombstones (the article left the ledger, past the state retention or
 * under a new application id; its scoring failed) and article revisions indexed before their
 * mentions are scored.
 *
 * <p>An article published more than the grace period before the newest article seen in its
 * partition is late: its mentions are published marked {@link MentionHeaders#LATE}, and leave
 * the aggregates as they were.
 */
public final class ScoringProcessor implements Processor<String, Article, String, Mention> {
    /** The store of what was published per article. */
    public static final String STORE = "article-ledger";
    /** How often the ledger drops articles too old for any open window. */
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    private final StanceScorer scorer;
    private final Duration scoringTimeout;
    private final Duration grace;
    private final Duration retention;
    private final JobCounters counters;
    private final int maxMentionBytes;
    private ProcessorContext<String, Mention> context;
    private KeyValueStore<String, ArticleLedger> ledger;
    private ScoringWatchdog watchdog;

    public ScoringProcessor(StanceScorer scorer, Duration scoringTimeout, Duration grace, Duration retention,
                            JobCounters counters, int maxMentionBytes) {
        this.maxMentionBytes = maxMentionBytes;
        this.scorer = scorer;
        this.scoringTimeout = scoringTimeout;
        this.grace = grace;
        this.retention = retention;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, Mention> context) {
        this.context = context;
        this.ledger = context.getStateStore(STORE);
        this.watchdog = new ScoringWatchdog(scorer, scoringTimeout);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> purge());
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        if (article == null) {
            retractArticle(record.key());
            return;
        }
        counters.articleIn();
        if (PublicationTimeExtractor.isPublishedInFuture(article)) {
            // One misread date in the future would move stream time ahead and close every open window.
            throw new AnalyzeFailure(Reasons.PUBLISHED_IN_FUTURE, "article " + article.id() + " says it was published "
                    + article.publishedAt() + " (" + article.dateSource().json() + "), after its fetch at "
                    + article.fetchedAt(), null);
        }
        ArticleLedger previous = ledger.get(article.id());
        if (previous != null && article.revision() < previous.revision()) {
            counters.staleRevision();
            return;
        }
        List<Mention> mentions = checked(article, watchdog.score(article));
        // Late: published more than the grace period before the newest article of this partition.
        boolean late = article.publishedAt().toEpochMilli() + grace.toMillis() < context.currentStreamTimeMs();
        if (late) {
            counters.lateArticle();
        }
        Set<String> ids = new LinkedHashSet<>();
        mentions.forEach(mention -> ids.add(mention.id()));

        List<String> retired = new ArrayList<>();
        Instant retiredAt = article.publishedAt();
        if (previous != null) {
            boolean replay = previous.revision() == article.revision()
                    && previous.contentHash().equals(article.contentHash());
            if (replay) {
                retired.addAll(previous.retiredIds()); // the first run's tombstones may have been lost
            }
            previous.mentionIds().stream().filter(id -> !ids.contains(id) && !retired.contains(id)).forEach(retired::add);
            retiredAt = replay ? previous.retiredPublishedAt() : previous.publishedAt();
        }
        for (String id : retired) {
            context.forward(new Record<String, Mention>(id, null, retiredAt.toEpochMilli(), MentionHeaders.of(late)));
        }
        for (Mention mention : mentions) {
            context.forward(new Record<>(mention.id(), mention, mention.publishedAt().toEpochMilli(),
                    MentionHeaders.of(late)));
        }
        counters.mentionsRetracted(retired.size());
        counters.mentionsOut(mentions.size());
        ledger.put(article.id(), new ArticleLedger(article.revision(), article.contentHash(), article.publishedAt(),
                List.copyOf(ids), retired, retiredAt));
    }

    /** An article tombstone (the crawler withdrew it): retract everything it contributed. */
    private void retractArticle(String articleId) {
        ArticleLedger previous = articleId == null ? null : ledger.get(articleId);
        if (previous == null) {
            return;
        }
        Set<String> retired = new LinkedHashSet<>(previous.mentionIds());
        retired.addAll(previous.retiredIds());
        for (String id : retired) {
            context.forward(new Record<String, Mention>(id, null, previous.publishedAt().toEpochMilli(),
                    MentionHeaders.of(false)));
        }
        counters.mentionsRetracted(retired.size());
        ledger.put(articleId, new ArticleLedger(previous.revision(), previous.contentHash(), previous.publishedAt(),
                List.of(), List.copyOf(retired), previous.publishedAt()));
    }

    /**
     * The scorer's mentions, each belonging to this article, one per id. Two mentions of the same
     * actor in one sentence share an id; the first is kept, since downstream can hold only one.
     */
    private List<Mention> checked(Article article, List<Mention> mentions) {
        Map<String, Mention> byId = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            if (mention == null || !mention.articleId().equals(article.id())) {
                throw new ScoringFailedException(Reasons.INVALID_SCORER_OUTPUT, "the scorer (" + scorer.version()
                        + ") returned " + (mention == null ? "a null mention" : "a mention of article "
                        + mention.articleId()) + " for article " + article.id(), null);
            }
            byId.putIfAbsent(mention.id(), mention);
            checkSize(mention);
        }
        return List.copyOf(byId.values());
    }

    /**
     * A mention the topic would refuse fails its article here, in the stream thread, so that the
     * article goes to the dead-letter topic whole; refused by the broker, it would fail in the
     * producer's callback, after its article's other mentions went out.
     */
    private void checkSize(Mention mention) {
        int bytes = mention.id().length() + Codecs.MENTION.write(mention).length;
        if (bytes > maxMentionBytes) {
            throw new AnalyzeFailure(Reasons.RECORD_TOO_LARGE, "mention " + mention.id() + " of article "
                    + mention.articleId() + " is " + bytes + " bytes, more than the " + maxMentionBytes
                    + " bytes a record of the mentions topic may have", null);
        }
    }

    private void purge() {
        long horizon = context.currentStreamTimeMs() - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ArticleLedger> all = ledger.all()) {
            while (all.hasNext()) {
                KeyValue<String, ArticleLedger> entry = all.next();
                if (entry.value.publishedAt().toEpochMilli() < horizon) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(ledger::delete);
    }

    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.close();
        }
    }
}
