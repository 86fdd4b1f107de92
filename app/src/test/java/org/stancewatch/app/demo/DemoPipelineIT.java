package org.stancewatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.analyze.StanceScoring;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.app.pipeline.Pipeline;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.index.connect.ElasticsearchClients;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.trends.AlertQuery;
import org.stancewatch.index.trends.SeriesQuery;
import org.stancewatch.index.trends.TrendPoint;
import org.stancewatch.index.trends.TrendQueries;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Direction;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.notify.NotifierSetup;

/**
 * The whole pipeline on the demo site, as {@code stancewatch demo} runs it, with the real
 * CoreNLP scorer, the embedded broker and node: demo site → crawler → Kafka → Streams →
 * Elasticsearch. The pipeline is stopped half-way (with the analysis still behind the crawl)
 * and started again on the same state; the final counts must be those of the whole site, each
 * article and mention once.
 */
@Tag("demo") // its own JVM and servers: see the failsafe executions in app/pom.xml
@ExtendWith(EmbeddedServicesExtension.class)
class DemoPipelineIT {
    private static final String PLANTED_OUTLET = "balticledger.example";
    private static final YearMonth LAST_MONTH_BEFORE_RESTART = YearMonth.of(2011, 6);

    private final DemoContent content = DemoContent.load(DemoContent.BUNDLED);

    @Test
    void demoSiteEndsInElasticsearchOnceEachAcrossARestartWithThePlantedShiftAlerted(
            EmbeddedServices services, @TempDir Path state) throws Exception {
        StanceScorer scorer = StanceScoring.fromDefaults();
        ElasticsearchSettings elasticsearch = ElasticsearchSettings.of(services.elasticsearchUrl());
        try (DemoSiteServer site = DemoSiteServer.start(content)) {
            DemoRun run = new DemoRun(site, System.out);
            Pipeline.Settings settings = run.settings(services.kafkaBootstrapServers(), elasticsearch, state,
                    DemoRun.alerts(state, NotifierSetup.installed()));
            YearMonth stoppedAfter;
            try (Pipeline first = Pipeline.start(settings, scorer)) {
                stoppedAfter = run.publishAndCrawl(first, null, month -> month.isAfter(LAST_MONTH_BEFORE_RESTART));
            } // closed at once: the analysis is still scoring what the crawler published
            assertThat(stoppedAfter).isEqualTo(LAST_MONTH_BEFORE_RESTART);
            try (Pipeline second = Pipeline.start(settings, scorer)) {
                run.publishAndCrawl(second, stoppedAfter, month -> false);
                run.awaitCaughtUp(second, Duration.ofMinutes(30));
            }
        }

        try (ElasticsearchClient client = ElasticsearchClients.create(elasticsearch)) {
            client.indices().refresh();
            TrendQueries trends = new TrendQueries(client, IndexLayout.defaults());

            // every article once, the syndicated copies marked as such (other tests of this JVM
            // write to the same broker, so only the demo outlets' articles are counted)
            Query ofDemo = Query.of(q -> q.terms(t -> t.field("outlet").terms(v -> v.value(content.outlets().stream()
                    .map(outlet -> FieldValue.of(outlet.domain())).toList()))));
            long copies = content.articles().stream().filter(article -> article.copyOf() != null).count();
            assertThat(count(client, "stancewatch-articles", ofDemo)).isEqualTo(content.articles().size());
            assertThat(count(client, "stancewatch-articles", Query.of(q -> q.bool(b -> b.filter(ofDemo)
                    .filter(exists("copyOf")))))).isEqualTo(copies);

            // the planted change of tone: Russia as The Baltic Ledger's own voice saw it
            SeriesQuery russiaInLedger = SeriesQuery.of("russia").withOutlet(PLANTED_OUTLET);
            TrendPoint before = trends.stanceOverTime(russiaInLedger
                    .between(Instant.parse("2010-01-01T00:00:00Z"), Instant.parse("2011-11-01T00:00:00Z"))).total();
            TrendPoint after = trends.stanceOverTime(russiaInLedger
                    .between(Instant.parse("2011-11-15T00:00:00Z"), Instant.parse("2012-03-01T00:00:00Z"))).total();
            assertThat(before.count()).isGreaterThan(100);
            assertThat(after.count()).isGreaterThan(60);
            assertThat(before.mean()).isPositive();
            assertThat(after.mean()).isNegative();
            assertThat(after.high()).as("the whole interval after the shift lies below the one before")
                    .isLessThan(before.low());

            // ... raises its alert, once, in the weeks after the turn
            List<Alert> planted = trends.alerts(AlertQuery.newest().withActor("russia")).stream()
                    .filter(alert -> alert.outlet().equals(PLANTED_OUTLET) && alert.topic().equals(StanceBucket.ALL)
                            && alert.holder().equals(StanceBucket.ALL))
                    .toList();
            assertThat(planted).singleElement().satisfies(alert -> {
                assertThat(alert.direction()).isEqualTo(Direction.NEGATIVE);
                assertThat(alert.windowEnd()).isBetween(Instant.parse("2011-11-16T00:00:00Z"),
                        Instant.parse("2012-01-31T00:00:00Z"));
                assertThat(alert.evidence()).isNotEmpty()
                        .allSatisfy(evidence -> assertThat(evidence.outlet()).isEqualTo(PLANTED_OUTLET));
            });

            // ... and reaches people, once each: an entry in the demo's Atom feed, an e-mail in its outbox
            String plantedId = planted.get(0).id();
            String feed = Files.readString(DemoRun.feedFile(state));
            assertThat(feed).containsOnlyOnce("<id>urn:stancewatch:notice:" + plantedId + "</id>");
            List<Path> mails;
            try (var files = Files.list(DemoRun.outbox(state))) {
                mails = files.filter(file -> file.toString().endsWith("-" + plantedId + ".eml")).toList();
            }
            assertThat(mails).singleElement().satisfies(mail -> assertThat(Files.readString(mail))
                    .contains("Message-ID: <" + plantedId + "@stancewatch>"));

            // syndicated copies count once, and nothing twice across the restart: the daily
            // buckets of Russia across all outlets add up to the mentions of original articles
            long originalMentions = count(client, "stancewatch-mentions", Query.of(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("actor").value("russia")))
                    .mustNot(m -> m.exists(e -> e.field("copyOf"))))));
            long allMentions = count(client, "stancewatch-mentions",
                    Query.of(q -> q.term(t -> t.field("actor").value("russia"))));
            assertThat(allMentions).isGreaterThan(originalMentions); // the copies were scored too ...
            assertThat(bucketTotal(client, StanceBucket.ALL)).isEqualTo(originalMentions); // ... but count once
            assertThat(bucketTotal(client, PLANTED_OUTLET)).isEqualTo(count(client, "stancewatch-mentions",
                    Query.of(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("actor").value("russia")))
                            .filter(f -> f.term(t -> t.field("outlet").value(PLANTED_OUTLET)))))));
        }
    }

    private static Query exists(String field) {
        return Query.of(q -> q.exists(e -> e.field(field)));
    }

    private static long count(ElasticsearchClient client, String index, Query query) throws Exception {
        return client.count(c -> c.index(index).query(query)).count();
    }

    /** The sum of {@code count} over Russia's daily buckets of one outlet (or all), every topic and holder. */
    private static long bucketTotal(ElasticsearchClient client, String outlet) throws Exception {
        var response = client.search(s -> s.index("stancewatch-stance").size(0)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("actor").value("russia")))
                        .filter(f -> f.term(t -> t.field("topic").value(StanceBucket.ALL)))
                        .filter(f -> f.term(t -> t.field("holder").value(StanceBucket.ALL)))
                        .filter(f -> f.term(t -> t.field("outlet").value(outlet)))
                        .filter(f -> f.term(t -> t.field("granularity").value("day")))))
                .aggregations("mentions", a -> a.sum(sum -> sum.field("count"))), Void.class);
        return Math.round(response.aggregations().get("mentions").sum().value());
    }
}
