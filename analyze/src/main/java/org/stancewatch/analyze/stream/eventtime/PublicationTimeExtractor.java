package org.stancewatch.analyze.stream.eventtime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;

/**
 * Event time is the article's publication time: an article fetched today about last March
 * counts in last March's windows. Articles and mentions carry it in {@code publishedAt}; a
 * tombstone (a retracted mention) has no value and keeps the timestamp its producer gave it,
 * which the scoring application sets to the retracted mention's publication time.
 *
 * <p>An article that claims to be published more than {@link #FUTURE_TOLERANCE} after it was
 * fetched has a misread date: it is stamped with its fetch time instead, because stream time
 * only moves forward and one far-future timestamp would close every open window of its task.
 * (The scoring application sends such articles to the dead-letter topic.)
 */
public final class PublicationTimeExtractor implements TimestampExtractor {
    /** How far after its fetch an article's publication time may lie before it is taken as misread. */
    public static final java.time.Duration FUTURE_TOLERANCE = java.time.Duration.ofDays(1);

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value();
        if (value instanceof Article article) {
            return isPublishedInFuture(article) ? article.fetchedAt().toEpochMilli() : article.publishedAt().toEpochMilli();
        }
        if (value instanceof Mention mention) {
            return mention.publishedAt().toEpochMilli();
        }
        // A negative timestamp would make Kafka Streams drop the record; a tombstone without one
        // is taken to be as recent as the partition, which only matters for its stream time.
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }

    /** True when the article's publication time lies too far after its fetch to be believed. */
    public static boolean isPublishedInFuture(Article article) {
        return article.publishedAt().isAfter(article.fetchedAt().plus(FUTURE_TOLERANCE));
    }
}
