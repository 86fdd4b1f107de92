package org.stancewatch.analyze.stance;

import java.util.List;
import org.stancewatch.model.Mention;

/**
 * Everything the scorer found in one article.
 *
 * @param mentions        the scored actor mentions
 * @param topics          the article's topics, most frequent first
 * @param sentenceTopics  the topics of each sentence (empty lists where none)
 * @param sentenceCount   sentences in the text
 * @param parsedSentences sentences (or windows of long ones) that went through the parser: all
 *                        that name an actor for v1, those with a holder question for v2
 * @param notes           what was skipped or cut, and why ("sentence 3 is not English")
 */
public record ArticleAnalysis(List<Mention> mentions, List<String> topics, List<List<String>> sentenceTopics,
                              int sentenceCount, int parsedSentences, List<String> notes) {

    public ArticleAnalysis {
        mentions = List.copyOf(mentions);
        topics = List.copyOf(topics);
        sentenceTopics = List.copyOf(sentenceTopics);
        notes = List.copyOf(notes);
    }

    /** An article that was not analysed at all, with the reason. */
    public static ArticleAnalysis skipped(String reason) {
        return new ArticleAnalysis(List.of(), List.of(), List.of(), 0, 0, List.of(reason));
    }
}
