package org.stancewatch.analyze.stream.shift;

import java.time.Instant;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.Mention;

/**
 * A mention kept as possible evidence for an alert: among the most negative or most positive of
 * its series and day.
 *
 * @param day the epoch day it counts in
 */
public record EvidenceCandidate(long day, String mentionId, String articleId, String sentence, String outlet,
                                String url, Instant publishedAt, double score) {
    /** Evidence sentences are cut to this length: alerts quote them, they do not archive them. */
    static final int MAX_SENTENCE_CHARS = 500;

    static EvidenceCandidate of(long day, Mention mention) {
        String sentence = mention.sentence();
        if (sentence.length() > MAX_SENTENCE_CHARS) {
            sentence = sentence.substring(0, MAX_SENTENCE_CHARS - 1) + "…";
        }
        return new EvidenceCandidate(day, mention.id(), mention.articleId(), sentence, mention.outlet(), mention.url(),
                mention.publishedAt(), mention.score());
    }

    Evidence toEvidence() {
        return new Evidence(mentionId, sentence, outlet, url, publishedAt, score);
    }
}
