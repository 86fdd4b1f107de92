package org.stancewatch.index.trends;

import java.time.Instant;
import org.stancewatch.model.Direction;

/**
 * Which alerts to list. Null fields do not filter.
 *
 * @param actor     only alerts about this actor
 * @param topic     only this topic
 * @param outlet    only this outlet
 * @param direction only shifts this way
 * @param since     only shifts whose recent window ends at or after this time (news time, not
 *                  the time of detection: a crawl of old news raises old alerts today)
 * @param limit     at most this many, newest first
 */
public record AlertQuery(String actor, String topic, String outlet, Direction direction, Instant since, int limit) {
    public AlertQuery {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
        }
    }

    /** The 50 newest alerts. */
    public static AlertQuery newest() {
        return new AlertQuery(null, null, null, null, null, 50);
    }

    public AlertQuery withActor(String value) {
        return new AlertQuery(value, topic, outlet, direction, since, limit);
    }

    public AlertQuery withSince(Instant value) {
        return new AlertQuery(actor, topic, outlet, direction, value, limit);
    }

    public AlertQuery withDirection(Direction value) {
        return new AlertQuery(actor, topic, outlet, value, since, limit);
    }

    public AlertQuery withLimit(int value) {
        return new AlertQuery(actor, topic, outlet, direction, since, value);
    }
}
