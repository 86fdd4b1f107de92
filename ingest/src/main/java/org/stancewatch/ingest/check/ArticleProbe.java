package org.stancewatch.ingest.check;

import java.net.URI;
import java.time.Instant;

/**
 * The one article a check fetches and extracts: the newest its listings name.
 *
 * @param url        the article as listed
 * @param status     its HTTP status, 0 when none came
 * @param robots     what robots.txt says of it
 * @param title      the extracted title, empty when nothing was extracted
 * @param published  the extracted publication time, or null
 * @param dateSource where the date came from (json-ld, meta, url, ...), empty without one
 * @param words      the extracted text's words, 0 when nothing was extracted
 * @param failure    the reason code of what went wrong (as in dead letters), empty when nothing did
 * @param problem    what went wrong, in a sentence
 */
public record ArticleProbe(URI url, int status, RobotsVerdict robots, String title, Instant published,
                           String dateSource, int words, String failure, String problem) {
    public ArticleProbe {
        failure = failure == null ? "" : failure;
        title = title == null ? "" : title;
        dateSource = dateSource == null ? "" : dateSource;
        problem = problem == null ? "" : problem;
    }

    /** Whether an article was read out of the page. */
    public boolean extracted() {
        return failure.isEmpty();
    }
}
