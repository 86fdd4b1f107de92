package org.stancewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;

/** The embedded node does what the index stage needs: composable templates, bulk ingest, aggregations. */
@ExtendWith(EmbeddedServicesExtension.class)
class ElasticsearchRoundTripIT {

    record Score(String actor, String publishedAt, double score) {}

    @Test
    void templateBulkIngestAndTermsDateHistogramAvg(EmbeddedServices services) throws Exception {
        try (ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(services.elasticsearchUrl()))) {
            client.indices().putIndexTemplate(t -> t.name("scores").withJson(new StringReader("""
                    {"index_patterns": ["scores-*"],
                     "template": {
                       "settings": {"number_of_shards": 1, "number_of_replicas": 0},
                       "mappings": {"properties": {
                         "actor": {"type": "keyword"},
                         "publishedAt": {"type": "date"},
                         "score": {"type": "float"}}},
                       "aliases": {"scores": {}}}}
                    """)));
            client.indices().create(c -> c.index("scores-000001"));

            // russia: days 0 and 1 average -0.5 and 0.25; nato: day 0 averages 0.5
            Instant day0 = Instant.parse("2011-11-23T08:00:00Z");
            Instant day1 = day0.plus(1, ChronoUnit.DAYS);
            List<Score> scores = List.of(
                    new Score("russia", day0.toString(), -0.25), new Score("russia", day0.toString(), -0.75),
                    new Score("russia", day1.toString(), 0.25), new Score("nato", day0.toString(), 0.5));
            try (BulkIngester<Void> ingester = BulkIngester.of(b -> b.client(client).maxOperations(2))) {
                int id = 0;
                for (Score score : scores) {
                    String docId = Integer.toString(id++);
                    ingester.add(op -> op.index(i -> i.index("scores").id(docId).document(score)));
                }
            }
            client.indices().refresh(r -> r.index("scores"));

            SearchResponse<Void> response = client.search(s -> s.index("scores").size(0)
                    .aggregations("actors", a -> a.terms(t -> t.field("actor"))
                            .aggregations("days", d -> d.dateHistogram(h -> h.field("publishedAt")
                                            .calendarInterval(CalendarInterval.Day))
                                    .aggregations("mean", m -> m.avg(avg -> avg.field("score"))))), Void.class);

            Map<String, List<Double>> meansByActor = new java.util.TreeMap<>();
            for (StringTermsBucket actor : response.aggregations().get("actors").sterms().buckets().array()) {
                for (DateHistogramBucket day : actor.aggregations().get("days").dateHistogram().buckets().array()) {
                    meansByActor.computeIfAbsent(actor.key().stringValue(), k -> new java.util.ArrayList<>())
                            .add(day.aggregations().get("mean").avg().value());
                }
            }
            assertThat(meansByActor).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                    "nato", List.of(0.5), "russia", List.of(-0.5, 0.25))));
            assertThat(response.hits().total().value()).isEqualTo(4);
        }
    }

    @Test
    void nodeRunsInAJvmOfItsOwnWithABoundedHeap(EmbeddedServices services) throws Exception {
        EmbeddedElasticsearch node = services.elasticsearch();
        try (ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(node.url()))) {
            var jvm = client.nodes().stats(s -> s.metric(co.elastic.clients.elasticsearch.nodes.stats.NodeStatsMetric.Jvm))
                    .nodes().values().iterator().next().jvm();

            assertThat(node.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(jvm.mem().heapMaxInBytes()).isEqualTo(1L << 30);
        }
    }
}
