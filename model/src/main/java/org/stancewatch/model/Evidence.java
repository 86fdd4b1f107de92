package org.stancewatch.model;

import static org.stancewatch.model.Require.nonBlank;
import static org.stancewatch.model.Require.nonNull;

import java.time.Instant;

/**
 * A mention quoted in an {@link Alert} as evidence: the sentence and where to read it.
 *
 * @param mentionId   the mention's id
 * @param sentence    the sentence
 * @param outlet      where it was published
 * @param url         the article's URL
 * @param publishedAt when it was published
 * @param score       its stance score
 */
public record Evidence(String mentionId, String sentence, String outlet, String url, Instant publishedAt, double score) {

    public Evidence {
        nonBlank(mentionId, "mentionId");
        nonNull(sentence, "sentence");
        nonBlank(url, "url");
        nonNull(publishedAt, "publishedAt");
    }

    public static Evidence of(Mention mention) {
        return new Evidence(mention.id(), mention.sentence(), mention.outlet(), mention.url(),
                mention.publishedAt(), mention.score());
    }
}
