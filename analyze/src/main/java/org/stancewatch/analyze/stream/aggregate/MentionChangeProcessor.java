package org.stancewatch.analyze.stream.aggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.stancewatch.analyze.stream.eventtime.MentionHeaders;
import org.stancewatch.analyze.stream.monitor.JobCounters;
import org.stancewatch.model.Mention;

/**
 * Turns the mentions topic (latest value per mention id; a tombstone retracts) into
 * contributions to the aggregates, remembering what each mention id last contributed:
 *
 * <ul>
 *   <li>a new id adds its mention;
 *   <li>a changed value (an article revision, a re-scoring) subtracts the old mention, stamped
 *       with the old publication time so it leaves the window it was counted in, and adds the new;
 *   <li>a tombstone subtracts the old mention;
 *   <li>the same value again (the scoring application repeats itself after a crash) does nothing.
 * </ul>
 *
 * Mentions marked late by the scoring application are left out entirely. Mentions older than
 * the state retention are forgotten: no window they belong to accepts changes any more.
 */
public final class MentionChangeProcessor implements Processor<String, Mention, String, Contribution> {
    /** The store of what each mention id currently contributes. */
    public static final String STORE = "counted-mentions";
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    private final Duration retention;
    private final JobCounters counters;
    private ProcessorContext<String, Contribution> context;
    private KeyValueStore<String, Mention> counted;

    public MentionChangeProcessor(Duration retention, JobCounters counters) {
        this.retention = retention;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, Contribution> context) {
        this.context = context;
        this.counted = context.getStateStore(STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> purge());
    }

    @Override
    public void process(Record<String, Mention> record) {
        String id = record.key();
        if (id == null || MentionHeaders.isLate(record.headers())) {
            return; // a late article's windows keep the values they had
        }
        Mention previous = counted.get(id);
        Mention current = record.value() == null ? null : slim(record.value());
        if (current != null && current.equals(previous)) {
            counters.duplicateMention();
            return;
        }
        if (previous != null) {
            context.forward(record.withValue(Contribution.subtracted(previous))
                    .withTimestamp(previous.publishedAt().toEpochMilli()));
        }
        if (record.value() != null) {
            context.forward(record.withValue(Contribution.added(record.value()))
                    .withTimestamp(record.value().publishedAt().toEpochMilli()));
            counted.put(id, current);
        } else if (previous != null) {
            counted.delete(id);
        }
    }

    /**
     * The mention without its text: what is needed to subtract it again and to recognise a
     * repeat, at a fraction of the size.
     */
    static Mention slim(Mention m) {
        return new Mention(m.id(), m.articleId(), m.revision(), m.url(), m.outlet(), m.publishedAt(), m.dateSource(),
                m.actor(), "", m.topics(), m.sentenceIndex(), "", m.score(), m.polarity(), m.confidence(), m.holder(),
                m.quoted(), m.copyOf(), m.model());
    }

    private void purge() {
        long horizon = context.currentStreamTimeMs() - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Mention> all = counted.all()) {
            while (all.hasNext()) {
                KeyValue<String, Mention> entry = all.next();
                if (entry.value.publishedAt().toEpochMilli() < horizon) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(counted::delete);
    }
}
