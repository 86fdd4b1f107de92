package org.stancewatch.model;

import static org.stancewatch.model.Require.nonBlank;
import static org.stancewatch.model.Require.nonNull;
import static org.stancewatch.model.Require.within;

import java.time.Instant;
import java.util.List;

/**
 * The stance one sentence of an article takes toward one actor.
 *
 * @param id            {@link #idFor}(articleId, sentenceIndex, actor): a replay overwrites
 * @param articleId     the article it comes from
 * @param revision      the article revision it was scored from
 * @param url           the article's URL, for evidence links
 * @param outlet        the article's outlet
 * @param publishedAt   the article's publication time: the event time of aggregation
 * @param dateSource    where that time came from (fetch-time dates stay out of alert windows)
 * @param actor         canonical actor id, e.g. {@code russia}
 * @param surface       the words as written, e.g. "the Kremlin"
 * @param topics        topic ids the sentence or article is about, possibly empty
 * @param sentenceIndex 0-based sentence number in the article text
 * @param sentence      the sentence itself: the evidence (a window around the surface when longer
 *                      than {@link #MAX_SENTENCE_CHARS})
 * @param score         stance toward the actor in [-1, 1]
 * @param polarity      negative / neutral / positive
 * @param confidence    the scorer's confidence in the polarity, in [0, 1]
 * @param holder        actor whose stance it is; empty for the outlet's own voice
 * @param quoted        the sentence reports someone's words
 * @param copyOf        the article id this article is a syndicated copy of, or null
 * @param model         scorer name and version, e.g. {@code stance-maxent/1.0}
 */
public record Mention(
        String id,
        String articleId,
        int revision,
        String url,
        String outlet,
        Instant publishedAt,
        DateSource dateSource,
        String actor,
        String surface,
        List<String> topics,
        int sentenceIndex,
        String sentence,
        double score,
        Polarity polarity,
        double confidence,
        String holder,
        boolean quoted,
        String copyOf,
        String model) {

    /**
     * Evidence longer than this is cut around the actor's words: a run-on "sentence" of a whole
     * page would otherwise be copied into every mention of it, and past Kafka's record limit.
     */
    public static final int MAX_SENTENCE_CHARS = 2_000;

    /** {@link #holder} value for the outlet's own voice. */
    public static final String OUTLET_VOICE = "";

    public Mention {
        nonBlank(id, "id");
        nonBlank(articleId, "articleId");
        nonBlank(url, "url");
        nonBlank(outlet, "outlet");
        nonNull(publishedAt, "publishedAt");
        nonNull(dateSource, "dateSource");
        nonBlank(actor, "actor");
        surface = surface == null ? "" : surface;
        topics = topics == null ? List.of() : List.copyOf(topics);
        if (sentenceIndex < 0) {
            throw new IllegalArgumentException("sentenceIndex must be 0 or more, was " + sentenceIndex);
        }
        sentence = Excerpt.around(nonNull(sentence, "sentence"), surface, MAX_SENTENCE_CHARS);
        within(score, -1, 1, "score");
        nonNull(polarity, "polarity");
        within(confidence, 0, 1, "confidence");
        holder = holder == null ? OUTLET_VOICE : holder;
        nonBlank(model, "model");
    }

    /** The mention id: the same article, sentence and actor always give the same id. */
    public static String idFor(String articleId, int sentenceIndex, String actor) {
        return Ids.of(articleId, sentenceIndex, actor);
    }

    /** True when the stance is an actor's, not the outlet's. */
    public boolean hasHolder() {
        return !holder.isEmpty();
    }
}
