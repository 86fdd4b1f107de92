package org.stancewatch.analyze.stream.monitor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the job has done since it started, counted by the processors and the exception handlers
 * of both applications (thread-safe). Under exactly-once a record whose transaction aborts is
 * processed again and counted again: these are progress figures, not the aggregates.
 */
public final class JobCounters {
    /** Config key under which the job hands this object to the exception handlers Kafka creates. */
    public static final String CONFIG_KEY = "stancewatch.analyze.counters";

    private final LongAdder articlesIn = new LongAdder();
    private final LongAdder staleRevisions = new LongAdder();
    private final LongAdder mentionsOut = new LongAdder();
    private final LongAdder mentionsRetracted = new LongAdder();
    private final LongAdder duplicateMentions = new LongAdder();
    private final LongAdder bucketUpdates = new LongAdder();
    private final LongAdder alerts = new LongAdder();
    private final LongAdder fetchDatedSkipped = new LongAdder();
    private final LongAdder lateArticles = new LongAdder();
    private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();
    private final LongAdder deadLettersLost = new LongAdder();

    public void articleIn() {
        articlesIn.increment();
    }

    public void staleRevision() {
        staleRevisions.increment();
    }

    public void mentionsOut(int count) {
        mentionsOut.add(count);
    }

    public void mentionsRetracted(int count) {
        mentionsRetracted.add(count);
    }

    public void duplicateMention() {
        duplicateMentions.increment();
    }

    public void bucketUpdate() {
        bucketUpdates.increment();
    }

    public void alert() {
        alerts.increment();
    }

    /** A mention dated only by its fetch time, kept out of the shift detector. */
    public void recordFetchDatedSkip() {
        fetchDatedSkipped.increment();
    }

    /** An article later than the grace period: published, but left out of the aggregates. */
    public void lateArticle() {
        lateArticles.increment();
    }

    public void deadLetter(String reason) {
        deadLetters.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    /** A dead letter the broker refused for good: its record is skipped, and this says so. */
    public void deadLetterLost() {
        deadLettersLost.increment();
    }

    public long articlesIn() {
        return articlesIn.sum();
    }

    public long staleRevisions() {
        return staleRevisions.sum();
    }

    public long mentionsOut() {
        return mentionsOut.sum();
    }

    public long mentionsRetracted() {
        return mentionsRetracted.sum();
    }

    public long duplicateMentions() {
        return duplicateMentions.sum();
    }

    public long bucketUpdates() {
        return bucketUpdates.sum();
    }

    public long alerts() {
        return alerts.sum();
    }

    public long fetchDatedSkipped() {
        return fetchDatedSkipped.sum();
    }

    public long lateArticles() {
        return lateArticles.sum();
    }

    /** Dead letters written, all reasons together. */
    public long deadLetters() {
        return deadLetters.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Dead letters the broker refused for good (each one a record skipped without a trace on a topic). */
    public long deadLettersLost() {
        return deadLettersLost.sum();
    }

    /** Dead letters written, by reason code. */
    public Map<String, Long> deadLettersByReason() {
        Map<String, Long> byReason = new TreeMap<>();
        deadLetters.forEach((reason, count) -> byReason.put(reason, count.sum()));
        return byReason;
    }
}
