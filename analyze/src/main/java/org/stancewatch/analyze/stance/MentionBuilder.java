package org.stancewatch.analyze.stance;

import java.util.List;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;

/**
 * Makes the {@link Mention} records of one article: copies the article's fields, and picks each
 * mention's topics from its sentence, else the sentences beside it, else the article's leading
 * topic.
 */
final class MentionBuilder {

    private final Article article;
    private final String model;
    private final List<List<String>> sentenceTopics;
    private final List<String> articleTopics;

    MentionBuilder(Article article, String model, List<List<String>> sentenceTopics, List<String> articleTopics) {
        this.article = article;
        this.model = model;
        this.sentenceTopics = sentenceTopics;
        this.articleTopics = articleTopics;
    }

    Mention build(int sentenceIndex, String sentence, String actor, String surface, StancePrediction prediction,
                  Attribution attribution) {
        return new Mention(
                Mention.idFor(article.id(), sentenceIndex, actor),
                article.id(),
                article.revision(),
                article.url(),
                article.outlet(),
                article.publishedAt(),
                article.dateSource(),
                actor,
                surface,
                topicsFor(sentenceIndex),
                sentenceIndex,
                sentence,
                prediction.score(),
                prediction.polarity(),
                prediction.confidence(),
                attribution.holder(),
                attribution.quoted(),
                article.copyOf(),
                model);
    }

    /**
     * The sentence's topics; else those of the nearest of the two sentences before it that has
     * any (a topic carries on); else those of the next sentence; else the article's leading topic.
     */
    List<String> topicsFor(int sentenceIndex) {
        for (int i = sentenceIndex; i >= Math.max(0, sentenceIndex - 2); i--) {
            if (!sentenceTopics.get(i).isEmpty()) {
                return sentenceTopics.get(i);
            }
        }
        if (sentenceIndex + 1 < sentenceTopics.size() && !sentenceTopics.get(sentenceIndex + 1).isEmpty()) {
            return sentenceTopics.get(sentenceIndex + 1);
        }
        return articleTopics.isEmpty() ? List.of() : List.of(articleTopics.getFirst());
    }
}
