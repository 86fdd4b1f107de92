package org.stancewatch.analyze.stream.aggregate;

import java.util.Objects;
import org.stancewatch.model.StanceBucket;

/**
 * One stance series: an actor, optionally narrowed to a topic, an outlet or a holder (whose
 * stance toward the actor it is); a field not narrowed holds {@link StanceBucket#ALL}. The
 * series the job keeps are the actor alone, actor × topic, actor × outlet and holder → actor;
 * the attention detector also keeps the topic alone (across all actors).
 */
public record SeriesKey(String actor, String topic, String outlet, String holder) {
    private static final char SEPARATOR = '\u001f'; // unit separator: in no id, outlet or topic

    public SeriesKey {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(holder, "holder");
    }

    public static SeriesKey actor(String actor) {
        return new SeriesKey(actor, StanceBucket.ALL, StanceBucket.ALL, StanceBucket.ALL);
    }

    public static SeriesKey actorTopic(String actor, String topic) {
        return new SeriesKey(actor, topic, StanceBucket.ALL, StanceBucket.ALL);
    }

    /** A topic across all actors: the attention series of a topic (no stance series has it). */
    public static SeriesKey topic(String topic) {
        return new SeriesKey(StanceBucket.ALL, topic, StanceBucket.ALL, StanceBucket.ALL);
    }

    public static SeriesKey actorOutlet(String actor, String outlet) {
        return new SeriesKey(actor, StanceBucket.ALL, outlet, StanceBucket.ALL);
    }

    public static SeriesKey holderTarget(String holder, String target) {
        return new SeriesKey(target, StanceBucket.ALL, StanceBucket.ALL, holder);
    }

    /** The Kafka key of the series (the repartition and state-store key). */
    public String encode() {
        return actor + SEPARATOR + topic + SEPARATOR + outlet + SEPARATOR + holder;
    }

    public static SeriesKey decode(String encoded) {
        String[] parts = encoded.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a series key: " + encoded.replace(SEPARATOR, '|'));
        }
        return new SeriesKey(parts[0], parts[1], parts[2], parts[3]);
    }

    @Override
    public String toString() {
        return actor + (topic.equals(StanceBucket.ALL) ? "" : " topic=" + topic)
                + (outlet.equals(StanceBucket.ALL) ? "" : " outlet=" + outlet)
                + (holder.equals(StanceBucket.ALL) ? "" : " holder=" + holder);
    }
}
