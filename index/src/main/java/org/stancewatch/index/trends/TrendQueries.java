package org.stancewatch.index.trends;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.ExtendedStatsAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.Mention;
import org.stancewatch.model.json.Codecs;

/**
 * Stance trends, outlet comparisons, evidence and alerts, read from the stancewatch indices.
 *
 * <p>Trends aggregate the mentions index directly, so any combination of actor, topic, outlet,
 * holder and interval can be asked. Each bucket's mean and Student-t confidence interval are
 * computed here from {@code extended_stats} (count, sum, sum of squares): the embedded node has
 * neither scripts nor pipeline aggregations, and this works the same on a full cluster.
 * Syndicated copies ({@code copyOf} set) are left out unless the query includes them, so an
 * article picked up by ten outlets counts once.
 */
public final class TrendQueries {
    private static final String STATS = "stats";
    private static final String POLARITY = "polarity";
    private static final String BUCKETS = "buckets";
    private static final int MAX_OUTLETS = 200;

    private final ElasticsearchClient client;
    private final IndexLayout layout;

    public TrendQueries(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    /** Stance over time: one point per interval, with count, mean, confidence interval and polarity counts. */
    public StanceSeries stanceOverTime(SeriesQuery query) {
        SearchResponse<Void> response = search(() -> client.search(s -> s
                .index(layout.alias(IndexKind.MENTIONS))
                .size(0)
                .query(filter(query))
                .aggregations(STATS, a -> a.extendedStats(e -> e.field("score")))
                .aggregations(BUCKETS, a -> a
                        .dateHistogram(h -> {
                            h.field("publishedAt").calendarInterval(query.interval().calendarInterval())
                                    .timeZone("UTC").minDocCount(0);
                            if (query.from() != null && query.to() != null) {
                                h.extendedBounds(b -> b
                                        .min(FieldDateMath.of(m -> m.value(query.from().toEpochMilli())))
                                        .max(FieldDateMath.of(m -> m.value(query.to().toEpochMilli() - 1))));
                            }
                            return h;
                        })
                        .aggregations(STATS, sub -> sub.extendedStats(e -> e.field("score")))
                        .aggregations(POLARITY, sub -> sub.terms(t -> t.field("polarity").size(3)))), Void.class));
        List<TrendPoint> points = new ArrayList<>();
        for (DateHistogramBucket bucket : response.aggregations().get(BUCKETS).dateHistogram().buckets().array()) {
            Instant start = Instant.ofEpochMilli(bucket.key());
            Map<String, Long> polarity = polarityCounts(bucket.aggregations().get(POLARITY));
            points.add(TrendPoint.of(start, end(start, query.interval()), estimate(bucket.aggregations().get(STATS)),
                    polarity.getOrDefault("negative", 0L), polarity.getOrDefault("neutral", 0L),
                    polarity.getOrDefault("positive", 0L)));
        }
        long negative = points.stream().mapToLong(TrendPoint::negative).sum();
        long neutral = points.stream().mapToLong(TrendPoint::neutral).sum();
        long positive = points.stream().mapToLong(TrendPoint::positive).sum();
        Instant first = points.isEmpty() ? query.from() : points.getFirst().start();
        Instant last = points.isEmpty() ? query.to() : points.getLast().end();
        TrendPoint total = TrendPoint.of(first, last, estimate(response.aggregations().get(STATS)), negative, neutral,
                positive);
        return new StanceSeries(query, MeanEstimate.LEVEL, points, total);
    }

    /** Outlets compared by their mean stance toward the query's actor (its outlet filter is ignored), most negative first. */
    public List<OutletStance> outlets(SeriesQuery query) {
        SeriesQuery allOutlets = query.withOutlet(null);
        SearchResponse<Void> response = search(() -> client.search(s -> s
                .index(layout.alias(IndexKind.MENTIONS))
                .size(0)
                .query(filter(allOutlets))
                .aggregations(BUCKETS, a -> a
                        .terms(t -> t.field("outlet").size(MAX_OUTLETS))
                        .aggregations(STATS, sub -> sub.extendedStats(e -> e.field("score")))), Void.class));
        List<OutletStance> outlets = new ArrayList<>();
        for (StringTermsBucket bucket : response.aggregations().get(BUCKETS).sterms().buckets().array()) {
            MeanEstimate estimate = estimate(bucket.aggregations().get(STATS));
            outlets.add(new OutletStance(bucket.key().stringValue(), estimate.count(), estimate.mean(),
                    estimate.hasInterval() ? estimate.low() : null, estimate.hasInterval() ? estimate.high() : null));
        }
        outlets.sort(Comparator.comparingDouble(OutletStance::mean).thenComparing(OutletStance::outlet));
        return outlets;
    }

    /**
     * The sentences behind a bucket (or any range): the query's mentions in {@code [from, to)},
     * strongest stance first (most negative and most positive together, by absolute score).
     */
    public List<Evidence> evidence(SeriesQuery query, Instant from, Instant to, int limit) {
        SeriesQuery window = query.between(from, to);
        List<Evidence> strongest = new ArrayList<>();
        for (SortOrder order : List.of(SortOrder.Asc, SortOrder.Desc)) {
            SearchResponse<ObjectNode> response = search(() -> client.search(s -> s
                    .index(layout.alias(IndexKind.MENTIONS))
                    .size(limit)
                    .query(filter(window))
                    .sort(o -> o.field(f -> f.field("score").order(order)))
                    .sort(o -> o.field(f -> f.field("confidence").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), ObjectNode.class));
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                Mention mention = Codecs.MENTION.fromTree(hit.source());
                if (strongest.stream().noneMatch(e -> e.mentionId().equals(mention.id()))) {
                    strongest.add(Evidence.of(mention));
                }
            }
        }
        strongest.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.score()))
                .thenComparing(Evidence::publishedAt).thenComparing(Evidence::mentionId));
        return strongest.subList(0, Math.min(limit, strongest.size()));
    }

    /** The evidence behind one point of a series. */
    public List<Evidence> evidence(SeriesQuery query, TrendPoint point, int limit) {
        return evidence(query, point.start(), point.end(), limit);
    }

    /**
     * What the index holds: counts, time span, scorer versions, the {@code actors} most
     * mentioned actors with their top topics, and the {@code relations} busiest holder → target
     * pairs.
     */
    public Overview overview(int actors, int relations) {
        if (actors < 1 || relations < 1) {
            throw new IllegalArgumentException("an overview needs at least one actor and one relation");
        }
        Query originals = noCopies();
        SearchResponse<Void> response = search(() -> client.search(s -> s
                .index(layout.alias(IndexKind.MENTIONS))
                .size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(originals)
                .aggregations("outlets", a -> a.cardinality(c -> c.field("outlet")))
                .aggregations("first", a -> a.min(m -> m.field("publishedAt")))
                .aggregations("last", a -> a.max(m -> m.field("publishedAt")))
                .aggregations("models", a -> a.terms(t -> t.field("model").size(10)))
                .aggregations("actors", a -> a.terms(t -> t.field("actor").size(actors))
                        .aggregations(STATS, sub -> sub.extendedStats(e -> e.field("score")))
                        .aggregations("topics", sub -> sub.terms(t -> t.field("topics").size(5))))
                .aggregations("holders", a -> a
                        .filter(f -> f.bool(b -> b.mustNot(m -> m.term(t -> t.field("holder").value("")))))
                        .aggregations("holder", sub -> sub.terms(t -> t.field("holder").size(relations))
                                .aggregations("target", target -> target.terms(t -> t.field("actor").size(relations))
                                        .aggregations(STATS, stats -> stats.extendedStats(e -> e.field("score")))))),
                Void.class));
        var aggregations = response.aggregations();
        List<Overview.ActorStance> actorStances = new ArrayList<>();
        for (StringTermsBucket actor : aggregations.get("actors").sterms().buckets().array()) {
            List<String> topics = actor.aggregations().get("topics").sterms().buckets().array().stream()
                    .map(bucket -> bucket.key().stringValue()).toList();
            actorStances.add(new Overview.ActorStance(actor.key().stringValue(),
                    estimate(actor.aggregations().get(STATS)), topics));
        }
        List<Overview.Relation> cells = new ArrayList<>();
        for (StringTermsBucket holder : aggregations.get("holders").filter().aggregations().get("holder").sterms()
                .buckets().array()) {
            for (StringTermsBucket target : holder.aggregations().get("target").sterms().buckets().array()) {
                cells.add(new Overview.Relation(holder.key().stringValue(), target.key().stringValue(),
                        estimate(target.aggregations().get(STATS))));
            }
        }
        cells.sort(Comparator.comparingLong((Overview.Relation r) -> -r.stance().count())
                .thenComparing(Overview.Relation::holder).thenComparing(Overview.Relation::target));
        List<String> models = aggregations.get("models").sterms().buckets().array().stream()
                .map(bucket -> bucket.key().stringValue()).toList();
        return new Overview(articleCount(), response.hits().total().value(),
                aggregations.get("outlets").cardinality().value(),
                instant(aggregations.get("first").min().value()), instant(aggregations.get("last").max().value()),
                models, actorStances, cells.subList(0, Math.min(relations, cells.size())));
    }

    private long articleCount() {
        try {
            return client.count(c -> c.index(layout.alias(IndexKind.ARTICLES))).count();
        } catch (ElasticsearchException | IOException e) {
            return 0; // the articles index comes with the first article
        }
    }

    private static Query noCopies() {
        return Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("copyOf")))));
    }

    private static Instant instant(double epochMillis) {
        return Double.isFinite(epochMillis) ? Instant.ofEpochMilli((long) epochMillis) : null;
    }

    /** Alerts, newest shift first (by the end of the recent window, then detection time). */
    public List<Alert> alerts(AlertQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        term(bool, "actor", query.actor());
        term(bool, "topic", query.topic());
        term(bool, "outlet", query.outlet());
        term(bool, "direction", query.direction() == null ? null : query.direction().json());
        if (query.since() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> d.field("windowEnd").gte(query.since().toString()))));
        }
        Query filter = bool.build()._toQuery();
        SearchResponse<ObjectNode> response = search(() -> client.search(s -> s
                .index(layout.alias(IndexKind.ALERTS))
                .size(query.limit())
                .query(filter)
                .sort(o -> o.field(f -> f.field("windowEnd").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("detectedAt").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), ObjectNode.class));
        return response.hits().hits().stream().map(hit -> Codecs.ALERT.fromTree(hit.source())).toList();
    }

    private static Query filter(SeriesQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        term(bool, "actor", query.actor());
        term(bool, "topics", query.topic());
        term(bool, "outlet", query.outlet());
        if (query.holder() != null) {
            bool.filter(f -> f.term(t -> t.field("holder").value(query.holder())));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("publishedAt");
                if (query.from() != null) {
                    d.gte(query.from().toString());
                }
                if (query.to() != null) {
                    d.lt(query.to().toString());
                }
                return d;
            })));
        }
        if (!query.includeCopies()) {
            bool.mustNot(m -> m.exists(e -> e.field("copyOf")));
        }
        return bool.build()._toQuery();
    }

    private static void term(BoolQuery.Builder bool, String field, String value) {
        if (value != null && !value.isEmpty()) {
            bool.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }

    private static MeanEstimate estimate(Aggregate aggregate) {
        ExtendedStatsAggregate stats = aggregate.extendedStats();
        if (stats.count() == 0) {
            return MeanEstimate.of(0, 0, 0);
        }
        return MeanEstimate.of(stats.count(), stats.sum(), stats.sumOfSquares() == null ? 0 : stats.sumOfSquares());
    }

    private static Map<String, Long> polarityCounts(Aggregate aggregate) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }

    static Instant end(Instant start, Interval interval) {
        ZonedDateTime utc = start.atZone(ZoneOffset.UTC);
        return switch (interval) {
            case DAY -> utc.plusDays(1).toInstant();
            case WEEK -> utc.plusWeeks(1).toInstant();
            case MONTH -> utc.plusMonths(1).toInstant();
        };
    }

    private interface Search<T> {
        SearchResponse<T> run() throws IOException;
    }

    private <T> SearchResponse<T> search(Search<T> search) {
        try {
            return search.run();
        } catch (ElasticsearchException e) {
            if (e.error() != null && "index_not_found_exception".equals(e.error().type())) {
                throw new TrendQueryException("there is no stancewatch index yet (" + e.error().reason()
                        + "): run 'stancewatch index' (or 'stancewatch run') first", e);
            }
            throw new TrendQueryException("Elasticsearch refused the query: "
                    + (e.error() == null ? e.getMessage() : e.error().type() + ": " + e.error().reason()), e);
        } catch (IOException e) {
            throw new TrendQueryException("cannot reach Elasticsearch (" + e.getMessage()
                    + "); is it running? Set ELASTICSEARCH_URL to point at it", e);
        }
    }
}
