package org.stancewatch.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancewatch.index.connect.ElasticsearchClients;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.report.StanceReport;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.trends.AlertQuery;
import org.stancewatch.index.trends.AlertText;
import org.stancewatch.index.trends.OutletStance;
import org.stancewatch.index.trends.Overview;
import org.stancewatch.index.trends.SeriesQuery;
import org.stancewatch.index.trends.StanceSeries;
import org.stancewatch.index.trends.TrendPoint;
import org.stancewatch.index.trends.TrendQueries;
import org.stancewatch.index.trends.TrendTable;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Evidence;

/**
 * What the indices say: stance over time, outlets compared, evidence, alerts, and the HTML report,
 * over one connection to Elasticsearch (closed with this).
 *
 * <p>The questions ({@link SeriesQuery}, {@link AlertQuery}) and the answers ({@link StanceSeries},
 * {@link OutletStance}, {@link Overview}) are records of the stage's data contract and cross this
 * surface as they are; the static methods render them for people.
 */
public final class Trends implements AutoCloseable {
    private final ElasticsearchClient client;
    private final TrendQueries queries;

    private Trends(ElasticsearchClient client) {
        this.client = client;
        this.queries = new TrendQueries(client, IndexLayout.defaults());
    }

    /** Connects to the Elasticsearch with stancewatch's indices. */
    public static Trends open(ElasticsearchSettings elasticsearch) {
        return new Trends(ElasticsearchClients.create(elasticsearch));
    }

    /** Makes everything indexed so far searchable now, rather than at the next periodic refresh. */
    public void refresh() throws IOException {
        client.indices().refresh();
    }

    public StanceSeries stanceOverTime(SeriesQuery query) {
        return queries.stanceOverTime(query);
    }

    /** Each outlet's mean stance over the query's span. */
    public List<OutletStance> outlets(SeriesQuery query) {
        return queries.outlets(query);
    }

    /** Up to {@code perPoint} evidence sentences for each point of the series with mentions, by its start. */
    public Map<Instant, List<Evidence>> evidence(SeriesQuery query, StanceSeries series, int perPoint) {
        Map<Instant, List<Evidence>> sentences = new LinkedHashMap<>();
        for (TrendPoint point : series.points()) {
            if (point.count() > 0) {
                sentences.put(point.start(), queries.evidence(query, point, perPoint));
            }
        }
        return sentences;
    }

    /** What the indices hold: counts, span, the {@code actors} most mentioned actors, the busiest holder → actor relations. */
    public Overview overview(int actors, int relations) {
        return queries.overview(actors, relations);
    }

    /** Alerts, newest first. */
    public List<Alert> alerts(AlertQuery query) {
        return queries.alerts(query);
    }

    /** The self-contained HTML report with the default numbers of actors, topics, relations and alerts. */
    public String report(Instant generatedAt) {
        return new StanceReport(queries, StanceReport.Options.defaults()).render(generatedAt);
    }

    /** The HTML report of the {@code actors} most mentioned actors and the {@code alerts} newest alerts. */
    public String report(int actors, int alerts, Instant generatedAt) {
        StanceReport.Options defaults = StanceReport.Options.defaults();
        StanceReport.Options options = new StanceReport.Options(actors, defaults.topics(), defaults.relations(), alerts);
        return new StanceReport(queries, options).render(generatedAt);
    }

    /** The series as a text table. */
    public static String table(StanceSeries series) {
        return TrendTable.render(series);
    }

    /** The outlets' mean stance toward {@code actor} as a text table. */
    public static String outletTable(String actor, List<OutletStance> outlets) {
        return TrendTable.renderOutlets(actor, outlets);
    }

    /** An alert, with its evidence, as text. */
    public static String text(Alert alert) {
        return AlertText.render(alert);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
