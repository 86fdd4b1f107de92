package org.stancewatch.analyze.stream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.stancewatch.analyze.stream.support.Articles.article;
import static org.stancewatch.analyze.stream.support.Articles.copyIn;
import static org.stancewatch.analyze.stream.support.Articles.revised;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.analyze.stream.support.KeywordStanceScorer;
import org.stancewatch.analyze.stream.support.PipelineDriver;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;

class AggregationTopologyTest {
    static final Instant HOUR_10 = Instant.parse("2011-03-01T10:00:00Z");
    static final Instant DAY_1 = Instant.parse("2011-03-01T00:00:00Z");
    static final AnalyzeSettings SETTINGS = AnalyzeSettings.defaults("unused:9092");
    static final SeriesKey RUSSIA = SeriesKey.actor("russia");

    static PipelineDriver pipeline() {
        return new PipelineDriver(new KeywordStanceScorer(), SETTINGS);
    }

    @Test
    void mentionsFallIntoTheUtcHourAndDayOfTheirPublicationTime() {
        try (PipelineDriver pipeline = pipeline()) {
            pipeline.send(
                    article("a", "daily.example", HOUR_10, "Moscow welcomed the talks."),
                    article("b", "daily.example", HOUR_10.plusSeconds(3_599).plusMillis(999), "Moscow rejected the plan."),
                    article("c", "daily.example", HOUR_10.plusSeconds(3_600), "Moscow agreed."),
                    article("d", "daily.example", Instant.parse("2011-03-01T23:59:59.999Z"), "Moscow agreed."),
                    article("e", "daily.example", Instant.parse("2011-03-02T00:00:00Z"), "Moscow agreed."));

            StanceBucket ten = pipeline.bucket(RUSSIA, "hour", HOUR_10).orElseThrow();
            assertThat(ten.count()).isEqualTo(2);
            assertThat(ten.windowEnd()).isEqualTo(HOUR_10.plusSeconds(3_600));
            assertThat(ten.sum()).isCloseTo(0.0, within(1e-9));
            assertThat(ten.sumOfSquares()).isCloseTo(0.32, within(1e-9));
            assertThat(ten.positive()).isEqualTo(1);
            assertThat(ten.negative()).isEqualTo(1);
            assertThat(ten.variance()).isCloseTo(0.32, within(1e-9));
            assertThat(pipeline.bucket(RUSSIA, "hour", HOUR_10.plusSeconds(3_600)).orElseThrow().count()).isEqualTo(1);
            StanceBucket first = pipeline.bucket(RUSSIA, "day", DAY_1).orElseThrow();
            assertThat(first.count()).isEqualTo(4);
            assertThat(first.windowEnd()).isEqualTo(Instant.parse("2011-03-02T00:00:00Z"));
            assertThat(first.mean()).isCloseTo(0.2, within(1e-9));
            assertThat(pipeline.bucket(RUSSIA, "day", Instant.parse("2011-03-02T00:00:00Z")).orElseThrow().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void aLateArticleWithinTheGracePeriodIsCountedInItsOwnWindows() {
        try (PipelineDriver pipeline = pipeline()) {
            pipeline.send(article("recent", "daily.example", HOUR_10.plus(Duration.ofDays(6)), "Moscow agreed."),
                    article("backfilled", "daily.example", HOUR_10, "Moscow rejected the plan."));

            assertThat(pipeline.bucket(RUSSIA, "hour", HOUR_10).orElseThrow().count()).isEqualTo(1);
            assertThat(pipeline.bucket(RUSSIA, "day", DAY_1).orElseThrow().mean()).isCloseTo(-0.4, within(1e-9));
        }
    }

    @Test
    void anArticleLaterThanTheGracePeriodIsDroppedAndItsWindowsKeepTheirValues() {
        try (PipelineDriver pipeline = pipeline()) {
            pipeline.send(article("early", "daily.example", HOUR_10, "Moscow agreed."),
                    article("recent", "daily.example", HOUR_10.plus(Duration.ofDays(8)), "Moscow agreed."),
                    article("too-late", "daily.example", HOUR_10.plusSeconds(60), "Moscow rejected the plan."));

            assertThat(pipeline.bucket(RUSSIA, "hour", HOUR_10).orElseThrow().count()).isEqualTo(1);
            assertThat(pipeline.bucket(RUSSIA, "day", DAY_1).orElseThrow().mean()).isCloseTo(0.4, within(1e-9));
            assertThat(pipeline.counters().lateArticles()).isEqualTo(1);
        }
    }

    @Test
    void aRevisionReplacesItsEarlierContributionInsteadOfAddingToIt() {
        Article first = article("summit", "daily.example", HOUR_10, "Moscow welcomed the talks.");
        try (PipelineDriver pipeline = pipeline()) {
            pipeline.send(first);
            assertThat(pipeline.bucket(RUSSIA, "day", DAY_1).orElseThrow().mean()).isCloseTo(0.4, within(1e-9));

            pipeline.send(revised(first, "Moscow rejected the talks."));
            StanceBucket afterRevision = pipeline.bucket(RUSSIA, "day", DAY_1).orElseThrow();
            assertThat(afterRevision.count()).isEqualTo(1);
            assertThat(afterRevision.mean()).isCloseTo(-0.4, within(1e-9));
            assertThat(afterRevision.positive()).isZero();
            assertThat(afterRevision.negative()).isEqualTo(1);

            pipeline.send(revised(revised(first, "x"), "The talks were postponed."));
            StanceBucket emptied = pipeline.bucket(RUSSIA, "day", DAY_1).orElseThrow();
            assertThat(emptied.count()).isZero();
            assertThat(emptied.sum()).isZero();
        }
    }

    @Test
    void aRevisionArrivingAfterItsWindowClosedChangesNothingThere() {
        Article first = article("summit", "daily.example", HOUR_10, "Moscow welcomed the talks.");
        try (PipelineDriver pipeline = pipeline()) {
            pipeline.send(first, article("later", "other.example", HOUR_10.plus(Duration.ofDays(9)), "NATO agreed."));

            pipeline.send(revised(first, "Moscow rejected the talks."));

            StanceBucket bucket = pipeline.bucket(RUSSIA, "day", DAY_1).orElseThrow();
            assertThat(bucket.count()).isEqualTo(1);
            assertThat(bucket.mean()).isCloseTo(0.4, within(1e-9));
        }
    }

    @Test
    void aSyndicatedCopyCountsOnceAcrossOutletsAndOnceInItsOwnOutlet() {
        Article original = article("wire-story", "wire.example", HOUR_10, "Moscow welcomed the talks.");
        try (PipelineDriver pipeline = pipeline()) {
            pipeline.send(original, copyIn(original, "daily.example"), copyIn(original, "weekly.example"));

            assertThat(pipeline.bucket(RUSSIA, "day", DAY_1).orElseThrow().count()).isEqualTo(1);
            assertThat(pipeline.bucket(SeriesKey.actorOutlet("russia", "wire.example"), "day", DAY_1).orElseThrow()
                    .count()).isEqualTo(1);
            assertThat(pipeline.bucket(SeriesKey.actorOutlet("russia", "daily.example"), "day", DAY_1).orElseThrow()
                    .count()).isEqualTo(1);
            assertThat(pipeline.liveMentions()).hasSize(3); // every copy stays searchable
        }
    }

    @Test
    void aDownWeightedCopyCountsWithItsWeight() {
        Article original = article("wire-story", "wire.example", HOUR_10, "Moscow welcomed the talks.");
        try (PipelineDriver pipeline = new PipelineDriver(new KeywordStanceScorer(), SETTINGS.withCopyWeight(0.5))) {
            pipeline.send(original, copyIn(original, "daily.example"));

            StanceBucket russia = pipeline.bucket(RUSSIA, "day", DAY_1).orElseThrow();
            assertThat(russia.count()).isEqualTo(2);
            assertThat(russia.weight()).isCloseTo(1.5, within(1e-9));
            assertThat(russia.sum()).isCloseTo(0.6, within(1e-9));
            assertThat(russia.mean()).isCloseTo(0.4, within(1e-9));
        }
    }

    @Test
    void mentionsRepeatedByTheScoringApplicationAreCountedOnce() {
        try (PipelineDriver pipeline = pipeline()) {
            pipeline.send(article("a", "daily.example", HOUR_10, "Moscow welcomed the talks. NATO agreed."));
            List<TestRecord<String, Mention>> firstRun = List.copyOf(pipeline.mentionLog());

            pipeline.replayMentions(firstRun);

            assertThat(pipeline.bucket(RUSSIA, "day", DAY_1).orElseThrow().count()).isEqualTo(1);
            assertThat(pipeline.bucket(SeriesKey.actor("nato"), "day", DAY_1).orElseThrow().count()).isEqualTo(1);
            assertThat(pipeline.counters().duplicateMentions()).isEqualTo(2);
        }
    }

    @Test
    void eachMentionFeedsItsActorTopicOutletAndHolderSeries() {
        try (PipelineDriver pipeline = pipeline()) {
            pipeline.send(article("shield", "daily.example", HOUR_10, "NATO warned Russia about missile defense."));

            assertThat(pipeline.bucket(RUSSIA, "day", DAY_1)).isPresent();
            assertThat(pipeline.bucket(SeriesKey.actorTopic("russia", "missile-defense"), "day", DAY_1)).isPresent();
            assertThat(pipeline.bucket(SeriesKey.actorOutlet("russia", "daily.example"), "day", DAY_1)).isPresent();
            StanceBucket hostility = pipeline.bucket(SeriesKey.holderTarget("nato", "russia"), "day", DAY_1).orElseThrow();
            assertThat(hostility.holder()).isEqualTo("nato");
            assertThat(hostility.actor()).isEqualTo("russia");
            assertThat(hostility.mean()).isNegative();
            assertThat(pipeline.bucket(SeriesKey.actor("nato"), "day", DAY_1)).isPresent();
            assertThat(pipeline.bucket(SeriesKey.holderTarget("russia", "nato"), "day", DAY_1)).isEmpty();
            assertThat(pipeline.buckets().values()).extracting(StanceBucket::granularity).containsOnly("hour", "day");
        }
    }

    /**
     * Under exactly-once, TopologyTestDriver does not pass on the dead letter a deserialization
     * handler returns for a skipped record (it commits only after a processed one); on a real
     * broker it is written in the task's transaction, which AnalyzeJobIT checks. Here: the
     * handler is called with the reason, and aggregation goes on.
     */
    @Test
    void anUnreadableMentionRecordIsHandedToTheDeadLetterHandlerAndAggregationGoesOn() {
        try (PipelineDriver pipeline = pipeline()) {
            pipeline.sendRawMention("m1", "{\"schemaVersion\":1,\"score\":7}".getBytes(StandardCharsets.UTF_8))
                    .send(article("a", "daily.example", HOUR_10, "Moscow welcomed the talks."));

            assertThat(pipeline.counters().deadLettersByReason()).containsEntry("malformed-record", 1L);
            assertThat(pipeline.bucket(RUSSIA, "day", DAY_1).orElseThrow().count()).isEqualTo(1);
        }
    }
}
