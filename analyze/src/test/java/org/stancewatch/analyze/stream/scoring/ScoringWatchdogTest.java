package org.stancewatch.analyze.stream.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.errors.AnalyzeFailure;
import org.stancewatch.analyze.stream.support.Articles;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;

class ScoringWatchdogTest {

    /** A scorer stuck in code that ignores interrupts until released, as a parse can be. */
    private static final class StuckScorer implements StanceScorer {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public List<Mention> score(Article article) {
            while (true) {
                try {
                    release.await();
                    return List.of();
                } catch (InterruptedException ignored) {
                    // swallowed, as CoreNLP's parser does
                }
            }
        }

        @Override
        public String version() {
            return "stuck/1";
        }
    }

    @Test
    void abandonedScoringThreadsDoNotPileUpPastTheCap() throws Exception {
        StuckScorer stuck = new StuckScorer();
        Article article = Articles.article("a", "daily.example", Instant.parse("2011-03-01T10:00:00Z"), "Moscow.");
        try (ScoringWatchdog watchdog = new ScoringWatchdog(stuck, Duration.ofMillis(200))) {
            for (int i = 0; i < ScoringWatchdog.MAX_ABANDONED; i++) {
                assertThatThrownBy(() -> watchdog.score(article)).isInstanceOf(ScoringTimeoutException.class);
            }
            assertThat(ScoringWatchdog.abandonedRunning()).isEqualTo(ScoringWatchdog.MAX_ABANDONED);

            assertThatThrownBy(() -> watchdog.score(article)).isInstanceOfSatisfying(AnalyzeFailure.class,
                    failure -> assertThat(failure.reason()).isEqualTo("scoring-overloaded"));
            assertThat(ScoringWatchdog.abandonedRunning()).isEqualTo(ScoringWatchdog.MAX_ABANDONED);

            stuck.release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> ScoringWatchdog.abandonedRunning() == 0);
            assertThat(watchdog.score(article)).isEmpty();
        }
    }
}
