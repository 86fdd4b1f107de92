package org.stancewatch.index.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.sink.Indexer;
import org.stancewatch.index.sink.IndexerSettings;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.testing.ElasticsearchTestSupport;
import org.stancewatch.index.testing.KafkaTestSupport;
import org.stancewatch.index.testing.TestRecords;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.Direction;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.kafka.KafkaTopicNames;

/** All four record kinds go through the indexer and come back through the trend queries. */
@ExtendWith(EmbeddedServicesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendQueriesIT {
    private static final Instant WEEK1 = Instant.parse("2011-01-03T00:00:00Z"); // a Monday
    private static final Instant WEEK2 = WEEK1.plus(Duration.ofDays(7));
    private static final Instant WEEK4 = WEEK1.plus(Duration.ofDays(21));
    private static final String MISSILE_DEFENSE = "missile-defense";

    private final List<Mention> mentions = new ArrayList<>();
    private Alert older;
    private Alert newer;
    private ElasticsearchTestSupport elasticsearch;
    private TrendQueries trends;

    @BeforeAll
    void indexThroughTheIndexer(EmbeddedServices services) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        KafkaTopicNames topics = KafkaTopicNames.ofIndex().prefixed("trends-" + unique + ".");
        IndexLayout layout = new IndexLayout("trends-" + unique);
        IndexerSettings config = IndexerSettings.of(ElasticsearchSettings.of(services.elasticsearchUrl()),
                services.kafkaBootstrapServers()).withTopics(topics).withLayout(layout).withGroupId("trends-" + unique);

        List<Article> articles = new ArrayList<>();
        addArticle(articles, "a.com", "w1-1", WEEK1.plusSeconds(3600), -0.5, -0.3);
        addArticle(articles, "a.com", "w2-1", WEEK2.plusSeconds(7200), -0.8);
        addArticle(articles, "a.com", "w4-1", WEEK4.plusSeconds(600), 0.2, 0.4, 0.0);
        addArticle(articles, "b.com", "w1-2", WEEK1.plus(Duration.ofDays(2)), 0.6);
        // NATO's stance on missile defense, quoted by a.com
        Article quoted = TestRecords.article("a.com", "w2-nato", WEEK2.plus(Duration.ofDays(1)), 1, "NATO said.");
        articles.add(quoted);
        mentions.add(TestRecords.mention(quoted, 0, "russia", -0.9, List.of(MISSILE_DEFENSE), "nato"));
        // a syndicated copy of a.com's week-1 story in b.com: counted once, where it first appeared
        Article copy = TestRecords.article("b.com", "w1-copy", WEEK1.plusSeconds(7200), 1, "Copy.");
        articles.add(copy);
        Mention original = mentions.getFirst();
        mentions.add(new Mention(Mention.idFor(copy.id(), 0, "russia"), copy.id(), 1, copy.url(), copy.outlet(),
                copy.publishedAt(), copy.dateSource(), "russia", "Russia", List.of(), 0, original.sentence(),
                original.score(), original.polarity(), 0.8, "", false, original.articleId(), TestRecords.MODEL));
        // another actor, which no russia query may count
        mentions.add(TestRecords.mention(articles.getFirst(), 9, "nato", 0.9));

        older = TestRecords.alert("russia", "a.com", WEEK2, -0.7, mentions.get(2));
        newer = TestRecords.alert("russia", "a.com", WEEK4, 0.5, mentions.get(3));
        Alert natoAlert = TestRecords.alert("nato", StanceBucket.ALL, WEEK4, 0.4);

        try (KafkaTestSupport kafka = new KafkaTestSupport(services.kafkaBootstrapServers())) {
            kafka.createTopics(topics, 2);
            articles.forEach(a -> kafka.send(topics.articles(), a.id(), a));
            mentions.forEach(m -> kafka.send(topics.mentions(), m.id(), m));
            kafka.send(topics.stance(), "b", TestRecords.bucket("russia", WEEK1, 2, -0.8, 0.34));
            for (Alert alert : List.of(older, newer, natoAlert)) {
                kafka.send(topics.alerts(), alert.id(), alert);
            }
            kafka.flush();
            elasticsearch = new ElasticsearchTestSupport(services.elasticsearchUrl(), layout);
            try (Indexer indexer = Indexer.start(config)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.count(IndexKind.MENTIONS) == mentions.size()
                        && elasticsearch.count(IndexKind.ALERTS) == 3 && elasticsearch.count(IndexKind.STANCE) == 1
                        && elasticsearch.count(IndexKind.ARTICLES) == articles.size());
            }
        }
        trends = new TrendQueries(elasticsearch.client(), layout);
    }

    @AfterAll
    void close() throws Exception {
        elasticsearch.close();
    }

    @Test
    void weeklyStanceHasCountMeanAndIntervalPerWeekAndEmptyWeeksBetween() {
        StanceSeries series = trends.stanceOverTime(SeriesQuery.of("russia").withInterval(Interval.WEEK));

        assertThat(series.points()).extracting(TrendPoint::start)
                .containsExactly(WEEK1, WEEK2, WEEK2.plus(Duration.ofDays(7)), WEEK4);
        assertThat(series.points()).extracting(TrendPoint::count).containsExactly(3L, 2L, 0L, 3L);
        TrendPoint week1 = series.points().getFirst();
        MeanEstimate expected = estimateOf(-0.5, -0.3, 0.6); // the copy is not counted
        assertThat(week1.mean()).isCloseTo(expected.mean(), within(1e-9));
        assertThat(week1.low()).isCloseTo(expected.low(), within(1e-9));
        assertThat(week1.high()).isCloseTo(expected.high(), within(1e-9));
        assertThat(week1.low()).isLessThan(week1.mean());
        assertThat(week1.negative()).isEqualTo(2);
        assertThat(week1.positive()).isEqualTo(1);
        assertThat(series.points().get(2).mean()).isNull();
        assertThat(series.total().count()).isEqualTo(8);
        assertThat(series.total().mean()).isCloseTo(estimateOf(-0.5, -0.3, 0.6, -0.8, -0.9, 0.2, 0.4, 0.0).mean(),
                within(1e-9));
    }

    @Test
    void narrowsByTopicOutletAndHolderAndCountsCopiesOnlyWhenAsked() {
        SeriesQuery russia = SeriesQuery.of("russia").withInterval(Interval.MONTH);
        assertThat(trends.stanceOverTime(russia.withHolder("nato")).count()).isEqualTo(1);
        assertThat(trends.stanceOverTime(russia.withHolder(SeriesQuery.OUTLET_VOICE)).count()).isEqualTo(7);
        assertThat(trends.stanceOverTime(russia.withTopic(MISSILE_DEFENSE)).count()).isEqualTo(1);
        assertThat(trends.stanceOverTime(russia.withOutlet("b.com")).count()).isEqualTo(1);
        assertThat(trends.stanceOverTime(russia.withCopies(true)).count()).isEqualTo(9);
        StanceSeries january = trends.stanceOverTime(russia.between(WEEK1, WEEK4));
        assertThat(january.points()).singleElement().extracting(TrendPoint::count).isEqualTo(5L);
    }

    @Test
    void dailyBucketsCoverTheWholeRequestedRange() {
        StanceSeries days = trends.stanceOverTime(SeriesQuery.of("russia").withInterval(Interval.DAY)
                .between(WEEK1.minus(Duration.ofDays(2)), WEEK1.plus(Duration.ofDays(5))));
        assertThat(days.points()).hasSize(7);
        assertThat(days.points().getFirst().start()).isEqualTo(WEEK1.minus(Duration.ofDays(2)));
        assertThat(days.points()).extracting(TrendPoint::count).containsExactly(0L, 0L, 2L, 0L, 1L, 0L, 0L);
    }

    @Test
    void outletsAreComparedMostNegativeFirst() {
        List<OutletStance> outlets = trends.outlets(SeriesQuery.of("russia"));
        assertThat(outlets).extracting(OutletStance::outlet).containsExactly("a.com", "b.com");
        assertThat(outlets.getFirst().count()).isEqualTo(7);
        assertThat(outlets.getFirst().mean()).isCloseTo(estimateOf(-0.5, -0.3, -0.8, -0.9, 0.2, 0.4, 0.0).mean(),
                within(1e-9));
        assertThat(outlets.get(1).low()).isNull(); // one mention: no interval
    }

    @Test
    void evidenceOfABucketIsItsStrongestSentencesWithOutletAndUrl() {
        SeriesQuery query = SeriesQuery.of("russia").withInterval(Interval.WEEK);
        TrendPoint week1 = trends.stanceOverTime(query).points().getFirst();
        List<Evidence> evidence = trends.evidence(query, week1, 2);
        assertThat(evidence).extracting(Evidence::score).containsExactly(0.6, -0.5);
        assertThat(evidence.getFirst().outlet()).isEqualTo("b.com");
        assertThat(evidence.getFirst().url()).isEqualTo("https://b.com/w1-2");
    }

    @Test
    void alertsComeNewestFirstAndFilter() {
        assertThat(trends.alerts(AlertQuery.newest().withActor("russia"))).containsExactly(newer, older);
        assertThat(trends.alerts(AlertQuery.newest().withActor("russia").withSince(WEEK4))).containsExactly(newer);
        assertThat(trends.alerts(AlertQuery.newest().withDirection(Direction.NEGATIVE))).containsExactly(older);
        assertThat(trends.alerts(AlertQuery.newest())).hasSize(3);
        assertThat(trends.alerts(AlertQuery.newest().withActor("russia")).getLast().evidence())
                .extracting(Evidence::mentionId).containsExactly(mentions.get(2).id());
    }

    private void addArticle(List<Article> articles, String outlet, String path, Instant publishedAt, double... scores) {
        Article article = TestRecords.article(outlet, path, publishedAt, 1, "Text about Russia.");
        articles.add(article);
        for (int i = 0; i < scores.length; i++) {
            mentions.add(TestRecords.mention(article, i, "russia", scores[i]));
        }
    }

    private static MeanEstimate estimateOf(double... scores) {
        double sum = 0;
        double squares = 0;
        for (double score : scores) {
            sum += score;
            squares += score * score;
        }
        return MeanEstimate.of(scores.length, sum, squares);
    }
}
