package org.stancewatch.notify.watchlist;

import java.util.List;
import java.util.Set;
import org.stancewatch.model.Direction;

/**
 * One watchlist of {@code alerts.yml}: which notices someone wants, and the channels that tell
 * them. An empty set matches anything.
 *
 * @param name            the watchlist's name, for messages
 * @param kinds           tone, attention and/or source
 * @param actors          alert actors (canonical ids)
 * @param topics          alert topics
 * @param outlets         alert outlets, and the outlets of sources
 * @param holders         alert holders
 * @param sources         source names (for source notices)
 * @param direction       the direction an alert must have, or null for any
 * @param minSignificance alerts whose significance (signed, like a z statistic) is smaller in size are not sent
 * @param minEvidence     alerts with fewer recent mentions than this are not sent
 * @param channels        the channels its notices go to
 */
public record Watchlist(
        String name,
        Set<NoticeKind> kinds,
        Set<String> actors,
        Set<String> topics,
        Set<String> outlets,
        Set<String> holders,
        Set<String> sources,
        Direction direction,
        double minSignificance,
        long minEvidence,
        List<String> channels) {

    public Watchlist {
        kinds = Set.copyOf(kinds);
        actors = Set.copyOf(actors);
        topics = Set.copyOf(topics);
        outlets = Set.copyOf(outlets);
        holders = Set.copyOf(holders);
        sources = Set.copyOf(sources);
        channels = List.copyOf(channels);
    }
}
