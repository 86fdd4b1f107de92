package org.stancewatch.analyze.stream.attention;

import java.time.Instant;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.Mention;

/**
 * What an attention alert may quote of a mention: enough to show the coverage, little enough to
 * travel through two repartitions and sit in a store for the days an alert may still need it.
 *
 * @param confidence the scorer's confidence: alerts quote the clearest mentions
 */
public record MentionSample(String mentionId, String articleId, String outlet, String url, Instant publishedAt,
                            String sentence, double score, double confidence) {
    /** Sentences are cut to this length: alerts quote them, they do not archive them. */
    static final int MAX_SENTENCE_CHARS = 500;

    static MentionSample of(Mention mention) {
        String sentence = mention.sentence();
        if (sentence.length() > MAX_SENTENCE_CHARS) {
            sentence = sentence.substring(0, MAX_SENTENCE_CHARS - 1) + "…";
        }
        return new MentionSample(mention.id(), mention.articleId(), mention.outlet(), mention.url(),
                mention.publishedAt(), sentence, mention.score(), mention.confidence());
    }

    /** Only what identifies the mention: a subtraction needs nothing else. */
    static MentionSample idOf(Mention mention) {
        return new MentionSample(mention.id(), mention.articleId(), mention.outlet(), "", mention.publishedAt(), "",
                0, 0);
    }

    Evidence toEvidence() {
        return new Evidence(mentionId, sentence, outlet, url, publishedAt, score);
    }
}
