package org.stancewatch.analyze.stream.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stancewatch.analyze.stream.support.Articles.article;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.stream.AggregationTopology;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.analyze.stream.support.Articles;
import org.stancewatch.analyze.stream.support.KeywordStanceScorer;
import org.stancewatch.analyze.stream.support.PipelineDriver;
import org.stancewatch.model.Alert;
import org.stancewatch.model.AlertKind;
import org.stancewatch.model.Article;
import org.stancewatch.model.Direction;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.StanceBucket;

/** Attention alerts through the whole pipeline, beside the tone alerts, at the default settings. */
class AttentionTopologyTest {
    static final Instant DAY_0 = Instant.parse("2011-03-01T08:00:00Z");
    static final String MOSCOW_FRIENDLY = "Moscow welcomed the talks. Moscow agreed on cooperation.";
    static final String MOSCOW_HOSTILE = "Moscow condemned the sanctions. Moscow rejected the plan.";
    static final String NATO = "NATO met in Brussels today. NATO discussed the budget.";
    static final String WASHINGTON = "Washington announced a review. Washington named an envoy.";
    static final String TEHRAN = "Tehran defended its nuclear programme. Tehran spoke of nuclear fuel.";

    static PipelineDriver pipeline(AnalyzeSettings settings) {
        return new PipelineDriver(new KeywordStanceScorer(), settings);
    }

    static AnalyzeSettings settings() {
        return AnalyzeSettings.defaults("unused:9092");
    }

    /** {@code count} articles of one text on one day, each in its own outlet, an hour apart. */
    static void articles(PipelineDriver pipeline, int day, int count, String slug, String text) {
        articles(day, count, slug, text).forEach(pipeline::send);
    }

    static List<Article> articles(int day, int count, String slug, String text) {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String outlet = "outlet" + (i % 4) + ".example";
            articles.add(article(slug + "-" + day + "-" + i, outlet,
                    DAY_0.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(37L * i)), text));
        }
        return articles;
    }

    /**
     * 32 days of coverage: Moscow (friendly, hostile from day 20), NATO and Washington every day,
     * Tehran once a day, until days 30 and 31 bring ten Tehran stories each.
     */
    static List<Article> coverage() {
        List<Article> coverage = new ArrayList<>();
        for (int day = 0; day < 32; day++) {
            coverage.addAll(articles(day, 6, "moscow", day < 20 ? MOSCOW_FRIENDLY : MOSCOW_HOSTILE));
            coverage.addAll(articles(day, 5, "nato", NATO));
            coverage.addAll(articles(day, 5, "washington", WASHINGTON));
            coverage.addAll(articles(day, day >= 30 ? 10 : 1, "tehran", TEHRAN));
        }
        return coverage;
    }

    static void coverage(PipelineDriver pipeline) {
        coverage().forEach(pipeline::send);
    }

    static List<Alert> ofKind(PipelineDriver pipeline, AlertKind kind) {
        return pipeline.alerts().stream().filter(a -> a.kind() == kind).toList();
    }

    @Test
    void aSuddenShareOfTheCoverageRaisesOneAttentionAlertPerSeriesBesideTheToneAlerts() {
        try (PipelineDriver pipeline = pipeline(settings())) {
            coverage(pipeline);

            List<Alert> attention = ofKind(pipeline, AlertKind.ATTENTION);
            assertThat(attention).extracting(a -> a.actor() + "/" + a.topic())
                    .containsExactlyInAnyOrder("iran/" + StanceBucket.ALL, StanceBucket.ALL + "/iran");
            Alert actor = attention.stream().filter(a -> a.actor().equals("iran")).findFirst().orElseThrow();
            assertThat(actor.id()).isEqualTo(Alert.idFor(AlertKind.ATTENTION, "iran", StanceBucket.ALL,
                    StanceBucket.ALL, StanceBucket.ALL, actor.windowStart()));
            assertThat(actor.direction()).isEqualTo(Direction.POSITIVE);
            // on the second day of the burst (day 31), as the study leads to expect for a 2-day recent window
            assertThat(actor.windowStart()).isEqualTo(Instant.parse("2011-03-31T00:00:00Z"));
            assertThat(actor.windowEnd()).isEqualTo(Instant.parse("2011-04-02T00:00:00Z"));
            assertThat(actor.baselineMean()).isBetween(0.05, 0.07);   // 2 of 34 mentions a day
            assertThat(actor.recentMean()).isGreaterThan(0.3);
            assertThat(actor.recentCount()).isGreaterThanOrEqualTo(10);
            assertThat(actor.change()).isEqualTo(actor.recentMean() - actor.baselineMean());
            assertThat(actor.significance()).isGreaterThanOrEqualTo(4.0);
            // five examples: one from each of the four outlets first, then from another article
            assertThat(actor.evidence()).hasSize(5).extracting(Evidence::url).doesNotHaveDuplicates();
            assertThat(actor.evidence()).extracting(Evidence::outlet).containsOnly("outlet0.example",
                    "outlet1.example", "outlet2.example", "outlet3.example");
            assertThat(actor.evidence()).allSatisfy(e -> assertThat(e.sentence()).contains("Tehran"));
            assertThat(actor.detectedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z")); // the wall clock

            assertThat(ofKind(pipeline, AlertKind.TONE)).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.actor()).isEqualTo("russia"));
            assertThat(pipeline.counters().alerts()).isEqualTo(pipeline.alerts().size());
        }
    }

    @Test
    void theToneAlertsAreTheSameWithAndWithoutTheAttentionDetector() {
        List<Alert> with;
        try (PipelineDriver pipeline = pipeline(settings())) {
            coverage(pipeline);
            with = ofKind(pipeline, AlertKind.TONE);
        }
        try (PipelineDriver pipeline = pipeline(settings().withAttention(AttentionSettings.defaults()
                .withEnabled(false)))) {
            coverage(pipeline);

            assertThat(ofKind(pipeline, AlertKind.ATTENTION)).isEmpty();
            assertThat(pipeline.alerts()).isEqualTo(with);
        }
    }

    @Test
    void switchedOffTheAttentionBranchIsNotInTheTopology() {
        String on = AggregationTopology.build(settings()).describe().toString();
        String off = AggregationTopology.build(settings().withAttention(AttentionSettings.defaults()
                .withEnabled(false))).describe().toString();

        assertThat(on).contains("detect-attention", "attention-day-totals");
        assertThat(off).doesNotContain("attention");
    }

    @Test
    void articlesDatedOnlyByTheirFetchTimeRaiseNoAttentionAlert() {
        try (PipelineDriver pipeline = pipeline(settings())) {
            for (int day = 0; day < 30; day++) {
                articles(pipeline, day, 5, "nato", NATO);
                articles(pipeline, day, 1, "tehran", TEHRAN);
            }
            // a backfill of Tehran's archive, all stamped with the day it was fetched
            for (int i = 0; i < 30; i++) {
                pipeline.send(Articles.fetchDated("archive-" + i, "outlet" + (i % 4) + ".example",
                        DAY_0.plus(Duration.ofDays(30)).plusSeconds(i), TEHRAN));
            }
            articles(pipeline, 30, 5, "nato", NATO);
            articles(pipeline, 30, 1, "tehran", TEHRAN);

            assertThat(ofKind(pipeline, AlertKind.ATTENTION)).isEmpty();
        }
    }
}
