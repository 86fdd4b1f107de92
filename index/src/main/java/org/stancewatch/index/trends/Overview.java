package org.stancewatch.index.trends;

import java.time.Instant;
import java.util.List;

/**
 * What the index holds, at a glance: for a report's first page and its choice of charts.
 * Syndicated copies are left out, as in the trends.
 *
 * @param articles  articles indexed (every revision counts once)
 * @param mentions  mentions of tracked actors
 * @param outlets   distinct outlets with mentions
 * @param first     publication time of the earliest mention, or null when empty
 * @param last      publication time of the latest mention, or null when empty
 * @param models    the scorer versions that made the mentions
 * @param actors    the most mentioned actors, most first, with their mean stance
 * @param relations who holds a stance toward whom: holder → target cells, busiest first
 */
public record Overview(long articles, long mentions, long outlets, Instant first, Instant last, List<String> models,
                       List<ActorStance> actors, List<Relation> relations) {

    public Overview {
        models = List.copyOf(models);
        actors = List.copyOf(actors);
        relations = List.copyOf(relations);
    }

    /**
     * One actor's mentions and their mean stance, with its most frequent topics.
     *
     * @param actor  actor id
     * @param stance count, mean and confidence interval
     * @param topics topic ids, most frequent first
     */
    public record ActorStance(String actor, MeanEstimate stance, List<String> topics) {
        public ActorStance {
            topics = List.copyOf(topics);
        }
    }

    /**
     * The stance one actor (the holder) is reported to take toward another (the target).
     *
     * @param holder the actor whose stance it is
     * @param target the actor it is about
     * @param stance count, mean and confidence interval
     */
    public record Relation(String holder, String target, MeanEstimate stance) {}
}
