package org.stancewatch.index.trends;

import java.time.Instant;
import java.util.Objects;

/**
 * Which mentions a trend is made of: those of one actor, optionally narrowed to a topic, an
 * outlet and a holder, published in {@code [from, to)}.
 *
 * @param actor        canonical actor id, e.g. {@code russia}
 * @param topic        topic id, or null for all topics
 * @param outlet       outlet, or null for all outlets
 * @param holder       whose stance: an actor id, {@link #OUTLET_VOICE} for the outlets' own voice,
 *                     or null for everyone's
 * @param interval     bucket width
 * @param from         inclusive start, or null for the first mention
 * @param to           exclusive end, or null for the last mention
 * @param includeCopies count syndicated copies too (by default an article counts once, where it
 *                     first appeared)
 */
public record SeriesQuery(String actor, String topic, String outlet, String holder, Interval interval, Instant from,
        Instant to, boolean includeCopies) {

    /** {@link #holder} value for the stance of the outlets' own voice (not quoting anyone). */
    public static final String OUTLET_VOICE = "";

    public SeriesQuery {
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("an actor is required, e.g. russia");
        }
        Objects.requireNonNull(interval, "interval");
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") must be after 'from' (" + from + ")");
        }
    }

    /** All mentions of the actor, by week. */
    public static SeriesQuery of(String actor) {
        return new SeriesQuery(actor, null, null, null, Interval.WEEK, null, null, false);
    }

    public SeriesQuery withTopic(String value) {
        return new SeriesQuery(actor, value, outlet, holder, interval, from, to, includeCopies);
    }

    public SeriesQuery withOutlet(String value) {
        return new SeriesQuery(actor, topic, value, holder, interval, from, to, includeCopies);
    }

    public SeriesQuery withHolder(String value) {
        return new SeriesQuery(actor, topic, outlet, value, interval, from, to, includeCopies);
    }

    public SeriesQuery withInterval(Interval value) {
        return new SeriesQuery(actor, topic, outlet, holder, value, from, to, includeCopies);
    }

    public SeriesQuery between(Instant start, Instant end) {
        return new SeriesQuery(actor, topic, outlet, holder, interval, start, end, includeCopies);
    }

    public SeriesQuery withCopies(boolean value) {
        return new SeriesQuery(actor, topic, outlet, holder, interval, from, to, value);
    }

    /** A short description, e.g. {@code russia, topic missile-defense, holder nato}. */
    public String describe() {
        StringBuilder text = new StringBuilder(actor);
        if (topic != null) {
            text.append(", topic ").append(topic);
        }
        if (outlet != null) {
            text.append(", outlet ").append(outlet);
        }
        if (holder != null) {
            text.append(holder.isEmpty() ? ", the outlets' own voice" : ", holder " + holder);
        }
        return text.toString();
    }
}
