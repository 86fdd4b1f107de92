package org.stancewatch.analyze.stream.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stancewatch.analyze.stream.support.Articles.article;
import static org.stancewatch.analyze.stream.support.Articles.revised;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.analyze.stream.support.Articles;
import org.stancewatch.analyze.stream.support.KeywordStanceScorer;
import org.stancewatch.analyze.stream.support.PipelineDriver;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.Mention;
import org.stancewatch.model.Polarity;
import org.stancewatch.model.json.Codecs;

class ScoringTopologyTest {
    static final Instant T = Instant.parse("2011-03-01T10:00:00Z");
    static final AnalyzeSettings SETTINGS = AnalyzeSettings.defaults("unused:9092")
            .withScoringTimeout(Duration.ofMillis(300));

    @Test
    void eachActorInASentenceBecomesAMentionKeyedByItsIdAndStampedWithThePublicationTime() {
        Article article = article("reset", "daily.example", T,
                "Moscow welcomed the New START treaty. The weather was mild. NATO warned Russia about missile defense.");
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), SETTINGS)) {
            pipeline.send(article);

            List<TestRecord<String, Mention>> published = pipeline.mentionLog();
            assertThat(published).extracting(TestRecord::key).containsExactly(
                    Mention.idFor(article.id(), 0, "russia"),
                    Mention.idFor(article.id(), 2, "russia"),
                    Mention.idFor(article.id(), 2, "nato"));
            assertThat(published).allSatisfy(record -> {
                assertThat(record.timestamp()).isEqualTo(T.toEpochMilli());
                assertThat(record.value().id()).isEqualTo(record.key());
            });
            Mention welcome = published.get(0).value();
            assertThat(welcome.polarity()).isEqualTo(Polarity.POSITIVE);
            assertThat(welcome.topics()).containsExactly("arms-control");
            Mention warned = published.get(1).value();
            assertThat(warned.holder()).isEqualTo("nato");
            assertThat(warned.polarity()).isEqualTo(Polarity.NEGATIVE);
            assertThat(pipeline.counters().articlesIn()).isEqualTo(1);
            assertThat(pipeline.counters().mentionsOut()).isEqualTo(3);
        }
    }

    @Test
    void aRevisionRetractsTheMentionsItNoLongerHasAndOverwritesTheRest() {
        Article first = article("summit", "daily.example", T, "Moscow welcomed the talks. NATO praised the progress.");
        Article second = revised(first, "Moscow rejected the talks. Analysts were unsure.");
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), SETTINGS)) {
            pipeline.send(first).send(second);

            List<TestRecord<String, Mention>> log = pipeline.mentionLog();
            assertThat(log).hasSize(4);
            TestRecord<String, Mention> tombstone = log.get(2);
            assertThat(tombstone.key()).isEqualTo(Mention.idFor(first.id(), 1, "nato"));
            assertThat(tombstone.value()).isNull();
            assertThat(tombstone.timestamp()).isEqualTo(T.toEpochMilli());
            Mention replaced = log.get(3).value();
            assertThat(replaced.id()).isEqualTo(Mention.idFor(first.id(), 0, "russia"));
            assertThat(replaced.revision()).isEqualTo(2);
            assertThat(replaced.polarity()).isEqualTo(Polarity.NEGATIVE);
            assertThat(pipeline.liveMentions()).containsOnlyKeys(replaced.id());
            assertThat(pipeline.counters().mentionsRetracted()).isEqualTo(1);
        }
    }

    @Test
    void anOlderRevisionThanThePublishedOneIsIgnored() {
        Article first = article("summit", "daily.example", T, "Moscow welcomed the talks.");
        Article second = revised(first, "Moscow rejected the talks.");
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), SETTINGS)) {
            pipeline.send(first, second, first);

            assertThat(pipeline.mentionLog()).hasSize(2);
            assertThat(pipeline.liveMentions().values()).singleElement()
                    .satisfies(m -> assertThat(m.revision()).isEqualTo(2));
            assertThat(pipeline.counters().staleRevisions()).isEqualTo(1);
        }
    }

    @Test
    void theSameRevisionAgainRepublishesTheSameMentionsAndTombstones() {
        Article first = article("summit", "daily.example", T, "Moscow welcomed the talks. NATO praised it.");
        Article second = revised(first, "Moscow rejected the talks.");
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), SETTINGS)) {
            pipeline.send(first, second);
            List<TestRecord<String, Mention>> firstRun = List.copyOf(pipeline.mentionLog().subList(2, 4));

            pipeline.send(second); // as after a crash before the offset commit

            List<TestRecord<String, Mention>> replay = pipeline.mentionLog().subList(4, 6);
            assertThat(replay).extracting(TestRecord::key).isEqualTo(firstRun.stream().map(TestRecord::key).toList());
            assertThat(replay).extracting(TestRecord::value).isEqualTo(firstRun.stream().map(TestRecord::value).toList());
            assertThat(replay.get(0).value()).isNull();
        }
    }

    @Test
    void aScorerFailureGoesToTheDeadLetterTopicAndTheNextArticleIsStillScored() {
        Article failing = article("broken", "daily.example", T, "Moscow said nothing. [[fail]]");
        Article fine = article("fine", "daily.example", T, "Moscow welcomed the talks.");
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), SETTINGS)) {
            pipeline.send(failing, fine);

            assertThat(pipeline.deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.stage()).isEqualTo("analyze");
                assertThat(letter.reason()).isEqualTo("scoring-failed");
                assertThat(letter.message()).contains("the keyword scorer was told to fail");
                assertThat(letter.subject()).startsWith("stancewatch.articles-0@");
                assertThat(Codecs.ARTICLE.read(letter.payload())).isEqualTo(failing);
            });
            assertThat(pipeline.liveMentions().values()).extracting(Mention::articleId).containsExactly(fine.id());
            assertThat(pipeline.counters().deadLettersByReason()).containsEntry("scoring-failed", 1L);
        }
    }

    @Test
    void anArticleWhoseScoringTimesOutGoesToTheDeadLetterTopicAndTheNextIsStillScored() {
        Article hanging = article("endless", "daily.example", T, "Moscow and NATO [[hang]]");
        Article fine = article("fine", "daily.example", T, "Moscow welcomed the talks.");
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), SETTINGS)) {
            long started = System.nanoTime();
            pipeline.send(hanging, fine);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(pipeline.deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.reason()).isEqualTo("scoring-timeout");
                assertThat(letter.message()).contains(hanging.id(), "300 ms");
            });
            assertThat(pipeline.liveMentions().values()).extracting(Mention::articleId).containsExactly(fine.id());
        }
    }

    @Test
    void unreadableArticleRecordsGoToTheDeadLetterTopicWithTheirReason() {
        String olderVersion = Codecs.ARTICLE.writeString(article("v0", "daily.example", T, "Moscow."))
                .replace("\"schemaVersion\":1", "\"schemaVersion\":0");
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), SETTINGS)) {
            pipeline.sendRawArticle("a1", "<html>not an article</html>".getBytes(StandardCharsets.UTF_8))
                    .sendRawArticle("a2", "{\"schemaVersion\":1,\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                    .sendRawArticle("a3", olderVersion.getBytes(StandardCharsets.UTF_8))
                    .send(article("fine", "daily.example", T, "Moscow welcomed the talks."));

            assertThat(pipeline.deadLetters()).extracting(DeadLetter::reason)
                    .containsExactly("malformed-record", "malformed-record", "unsupported-schema-version");
            DeadLetter poison = pipeline.deadLetters().get(0);
            assertThat(poison.payload()).isEqualTo("<html>not an article</html>");
            assertThat(poison.message()).contains("Article: not valid JSON");
            assertThat(pipeline.deadLetters().get(1).message()).startsWith("Article: field 'wordCount'");
            assertThat(pipeline.liveMentions()).hasSize(1);
        }
    }

    @Test
    void anArticleOfANewerSchemaVersionFailsTheThreadInsteadOfGoingToTheDeadLetterTopic() {
        String newerVersion = Codecs.ARTICLE.writeString(article("v9", "daily.example", T, "Moscow."))
                .replace("\"schemaVersion\":1", "\"schemaVersion\":9");
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), SETTINGS)) {
            assertThatThrownBy(() -> pipeline.sendRawArticle("a9", newerVersion.getBytes(StandardCharsets.UTF_8)))
                    .hasRootCauseInstanceOf(org.stancewatch.model.json.UnsupportedSchemaVersionException.class);

            assertThat(pipeline.deadLetters()).isEmpty();
        }
    }

    @Test
    void anArticleClaimingPublicationLongAfterItsFetchIsRefusedAsAMisreadDate() {
        Article future = Articles.publishedInFuture("future", "daily.example", T, "Moscow welcomed the talks.");
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), SETTINGS)) {
            pipeline.send(future).send(article("fine", "daily.example", T, "NATO welcomed it."));

            assertThat(pipeline.deadLetters()).extracting(DeadLetter::reason).containsExactly("published-in-future");
            assertThat(pipeline.liveMentions().values()).extracting(Mention::actor).containsExactly("nato");
        }
    }

    @Test
    void mentionsTheScorerAttributesToAnotherArticleAreRefused() {
        StanceScorer confused = new StanceScorer() {
            final KeywordStanceScorer keywords = new KeywordStanceScorer();

            @Override
            public List<Mention> score(Article article) {
                return keywords.score(article("other", "elsewhere.example", T, article.text()));
            }

            @Override
            public String version() {
                return "confused/1";
            }
        };
        try (PipelineDriver pipeline = new PipelineDriver(confused, SETTINGS)) {
            pipeline.send(article("mine", "daily.example", T, "Moscow welcomed the talks."));

            assertThat(pipeline.deadLetters()).extracting(DeadLetter::reason).containsExactly("invalid-scorer-output");
            assertThat(pipeline.mentionLog()).isEmpty();
        }
    }

    @Test
    void aWithdrawnArticleRetractsEveryMentionItPublished() {
        Article article = article("gone", "daily.example", T, "Moscow welcomed the talks. NATO agreed.");
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), SETTINGS)) {
            pipeline.send(article).withdraw(article.id());

            assertThat(pipeline.mentionLog()).hasSize(4);
            assertThat(pipeline.liveMentions()).isEmpty();
        }
    }
}
