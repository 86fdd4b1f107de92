package org.stancewatch.ingest.check;

import java.net.URI;

/**
 * How one feed, sitemap or section page answered a check.
 *
 * @param kind     {@code feed}, {@code sitemap} (a sitemap index's children included) or {@code section}
 * @param url      the listing
 * @param status   its HTTP status, 0 when none came
 * @param robots   what robots.txt says of it
 * @param read     whether it was read as what it is
 * @param index    a sitemap index: {@code found} counts its sitemaps
 * @param found    items listed
 * @param accepted of those, the ones the source's article patterns accept
 * @param failure  the reason code of what went wrong (as in dead letters: {@code http-404},
 *                 {@code bot-challenge}), empty when nothing did
 * @param problem  what went wrong, in a sentence
 */
public record ListingProbe(String kind, URI url, int status, RobotsVerdict robots, boolean read, boolean index,
                           int found, int accepted, String failure, String problem) {
    public ListingProbe {
        failure = failure == null ? "" : failure;
        problem = problem == null ? "" : problem;
    }
}
