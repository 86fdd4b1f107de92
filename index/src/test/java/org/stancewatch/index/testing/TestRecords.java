package org.stancewatch.index.testing;

import java.time.Instant;
import java.util.List;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.DateSource;
import org.stancewatch.model.Direction;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.Mention;
import org.stancewatch.model.Polarity;
import org.stancewatch.model.StanceBucket;

/** Records for tests, built the way the pipeline builds them (deterministic ids). */
public final class TestRecords {
    public static final String MODEL = "test-scorer/1";

    private TestRecords() {}

    public static Article article(String outlet, String path, Instant publishedAt, int revision, String text) {
        String url = "https://" + outlet + "/" + path;
        return new Article(Article.idFor(url), url, url, outlet, outlet, "Title of " + path, List.of("A. Writer"),
                publishedAt, DateSource.META, publishedAt.plusSeconds(3600), "en", text, text.split("\\s+").length,
                "hash-" + revision + "-" + path, "00000000000000" + String.format("%02x", revision), revision, null);
    }

    public static Mention mention(Article article, int sentenceIndex, String actor, double score) {
        return mention(article, sentenceIndex, actor, score, List.of(), "");
    }

    public static Mention mention(Article article, int sentenceIndex, String actor, double score, List<String> topics,
            String holder) {
        Polarity polarity = score < -0.1 ? Polarity.NEGATIVE : score > 0.1 ? Polarity.POSITIVE : Polarity.NEUTRAL;
        return new Mention(Mention.idFor(article.id(), sentenceIndex, actor), article.id(), article.revision(),
                article.url(), article.outlet(), article.publishedAt(), article.dateSource(), actor, actor, topics,
                sentenceIndex, "Sentence " + sentenceIndex + " about " + actor + " in " + article.outlet() + ".",
                score, polarity, 0.8, holder, !holder.isEmpty(), null, MODEL);
    }

    public static StanceBucket bucket(String actor, Instant windowStart, long count, double sum, double sumOfSquares) {
        return StanceBucket.of(actor, StanceBucket.ALL, StanceBucket.ALL, StanceBucket.ALL, "day", windowStart,
                windowStart.plusSeconds(86_400), count, sum, sumOfSquares, 0, count, 0);
    }

    public static Alert alert(String actor, String outlet, Instant windowStart, double change, Mention... evidence) {
        Direction direction = change < 0 ? Direction.NEGATIVE : Direction.POSITIVE;
        return new Alert(Alert.idFor(actor, StanceBucket.ALL, outlet, StanceBucket.ALL, windowStart), actor,
                StanceBucket.ALL, outlet, StanceBucket.ALL, windowStart.minusSeconds(28 * 86_400L), windowStart,
                windowStart.plusSeconds(7 * 86_400L), 0.1, 40, 0.1 + change, 12, change, 4.2, direction,
                java.util.Arrays.stream(evidence).map(Evidence::of).toList(), windowStart.plusSeconds(7 * 86_400L));
    }
}
