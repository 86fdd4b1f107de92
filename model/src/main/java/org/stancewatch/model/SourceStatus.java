package org.stancewatch.model;

import static org.stancewatch.model.Require.nonBlank;
import static org.stancewatch.model.Require.nonNull;

import java.time.Instant;

/**
 * The state of one configured source after its crawler's latest visit: what {@code stancewatch
 * sources} shows, and, when {@link #health} changes, what the notifier tells people.
 *
 * @param source         the source's name in {@code sources.yml}
 * @param outlet         its outlet (registered domain)
 * @param health         the crawler's verdict
 * @param problem        one sentence on what is wrong (empty when {@code OK})
 * @param healthSince    when the source entered its current health
 * @param lastVisit      the latest visit, successful or not
 * @param lastSuccess    the latest visit whose discovery worked (null: none yet)
 * @param lastArticle    when the source last yielded a new article (null: none yet)
 * @param articlesPerDay new articles per day over the recent visits
 * @param failures       failed fetches and extractions over the recent visits
 * @param deadLetters    dead letters written for the source over the recent visits
 * @param nextVisit      when the crawler visits next
 * @param updatedAt      when this status was written
 */
public record SourceStatus(
        String source,
        String outlet,
        SourceHealth health,
        String problem,
        Instant healthSince,
        Instant lastVisit,
        Instant lastSuccess,
        Instant lastArticle,
        double articlesPerDay,
        long failures,
        long deadLetters,
        Instant nextVisit,
        Instant updatedAt) {

    public SourceStatus {
        nonBlank(source, "source");
        nonNull(outlet, "outlet");
        nonNull(health, "health");
        problem = problem == null ? "" : problem;
        nonNull(healthSince, "healthSince");
        nonNull(updatedAt, "updatedAt");
    }

    /** One notification per source and change of health. */
    public String healthChangeId() {
        return Ids.of("source-health", source, health.json(), healthSince);
    }
}
