package org.stancewatch.analyze.stance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.StanceModels;
import org.stancewatch.model.Mention;
import org.stancewatch.model.Polarity;

/** Stance model v1 stays selectable: the same scorer with the linear model over CoreNLP's parse and sentiment. */
class LinearModelScorerTest {

    @Test
    void theV1ModelScoresThroughTheSameFrontEndWithItsOwnVersion() {
        try (CoreNlpStanceScorer scorer = CoreNlpStanceScorer.fromFiles(null, null, () -> StanceModels.load("v1"))) {
            ArticleAnalysis analysis = scorer.analyze(LocalArticles.of(
                    "Russia was sharply criticized by NATO for its brutal invasion.", "test", LocalDate.of(2010, 6, 1), "en"));

            List<Mention> mentions = analysis.mentions();
            assertThat(mentions).extracting(Mention::actor).containsExactly("russia", "nato");
            assertThat(mentions).allSatisfy(mention -> assertThat(mention.model()).startsWith("corenlp-stance/"));
            assertThat(mentions.getFirst().polarity()).isEqualTo(Polarity.NEGATIVE);
            assertThat(mentions.getFirst().holder()).isEqualTo("nato");
            assertThat(analysis.parsedSentences()).as("v1 reads the parse of every sentence it scores").isEqualTo(1);
        }
    }
}
