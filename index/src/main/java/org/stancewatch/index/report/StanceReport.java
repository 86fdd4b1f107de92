package org.stancewatch.index.report;

import static org.jsoup.nodes.Entities.escape;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.stancewatch.index.trends.AlertQuery;
import org.stancewatch.index.trends.Interval;
import org.stancewatch.index.trends.OutletStance;
import org.stancewatch.index.trends.Overview;
import org.stancewatch.index.trends.SeriesQuery;
import org.stancewatch.index.trends.StanceSeries;
import org.stancewatch.index.trends.TrendPoint;
import org.stancewatch.index.trends.TrendQueries;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Evidence;

/**
 * The HTML report: one self-contained file (inline CSS and SVG charts, no scripts, nothing
 * fetched) built from the trend queries, for people without Kibana.
 */
public final class StanceReport {
    /**
     * The report is one self-contained file: inline styles and SVG, no scripts, nothing loaded
     * from elsewhere. The policy says so, so that text from the web in it can never run or fetch.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * @param actors    how many of the most mentioned actors get charts
     * @param topics    how many topics per actor get a chart of their own
     * @param relations how many holder → target pairs the matrix shows
     * @param alerts    how many alerts, newest first
     */
    public record Options(int actors, int topics, int relations, int alerts) {
        public static Options defaults() {
            return new Options(6, 2, 40, 20);
        }
    }

    private final TrendQueries queries;
    private final Options options;

    public StanceReport(TrendQueries queries, Options options) {
        this.queries = queries;
        this.options = options;
    }

    /** The report as one HTML document. */
    public String render(Instant generatedAt) {
        Overview overview = queries.overview(options.actors(), options.relations());
        StringBuilder html = new StringBuilder();
        html.append(head());
        html.append(summary(overview, generatedAt));
        if (overview.mentions() == 0) {
            html.append("<p class=\"empty\">The index holds no mentions yet: run the pipeline first "
                    + "(stancewatch run, or stancewatch demo).</p>");
        } else {
            Interval interval = intervalFor(overview.first(), overview.last());
            html.append(overTime(overview, interval));
            html.append(outlets(overview));
            html.append(relations(overview));
        }
        html.append(alerts());
        html.append(footer());
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    /** Monthly points over long spans, weekly over months, daily over weeks. */
    static Interval intervalFor(Instant first, Instant last) {
        if (first == null || last == null) {
            return Interval.WEEK;
        }
        Duration span = Duration.between(first, last);
        return span.toDays() > 540 ? Interval.MONTH : span.toDays() > 60 ? Interval.WEEK : Interval.DAY;
    }

    private String overTime(Overview overview, Interval interval) {
        StringBuilder html = new StringBuilder("<section id=\"trends\">\n<h2>Stance over time</h2>\n<p class=\"note\">"
                + "Mean stance per " + interval.name().toLowerCase(Locale.ROOT) + " (line) with its 95% confidence "
                + "interval (band), and the number of mentions (bars). −1 is hostile, +1 cooperative.</p>\n");
        for (Overview.ActorStance actor : overview.actors()) {
            SeriesQuery query = SeriesQuery.of(actor.actor()).withInterval(interval);
            html.append("<div class=\"chart\">").append(StanceCharts.overTime(actor.actor(), points(query), 900, 380))
                    .append("</div>\n");
            for (String topic : actor.topics().stream().limit(options.topics()).toList()) {
                html.append("<div class=\"chart small\">")
                        .append(StanceCharts.overTime(actor.actor() + " · " + topic, points(query.withTopic(topic)),
                                440, 260))
                        .append("</div>\n");
            }
        }
        return html.append("</section>\n").toString();
    }

    private List<StanceCharts.Point> points(SeriesQuery query) {
        StanceSeries series = queries.stanceOverTime(query);
        return series.points().stream()
                .filter(point -> point.count() > 0)
                .map(StanceReport::point)
                .toList();
    }

    private static StanceCharts.Point point(TrendPoint point) {
        double mean = point.mean();
        return new StanceCharts.Point(point.start(), point.count(), mean,
                point.low() == null ? mean : point.low(), point.high() == null ? mean : point.high());
    }

    private String outlets(Overview overview) {
        StringBuilder html = new StringBuilder("<section id=\"outlets\">\n<h2>Outlets compared</h2>\n<p class=\"note\">"
                + "Each outlet's mean stance toward the actor over the whole period, with its 95% confidence "
                + "interval; the number of mentions in brackets.</p>\n");
        for (Overview.ActorStance actor : overview.actors()) {
            List<StanceCharts.Bar> bars = queries.outlets(SeriesQuery.of(actor.actor())).stream()
                    .map(StanceReport::bar).toList();
            if (!bars.isEmpty()) {
                html.append("<div class=\"chart small\">")
                        .append(StanceCharts.outlets(actor.actor(), bars, 440, 120 + 34 * bars.size()))
                        .append("</div>\n");
            }
        }
        return html.append("</section>\n").toString();
    }

    private static StanceCharts.Bar bar(OutletStance outlet) {
        return new StanceCharts.Bar(outlet.outlet(), outlet.count(), outlet.mean(),
                outlet.low() == null ? outlet.mean() : outlet.low(),
                outlet.high() == null ? outlet.mean() : outlet.high());
    }

    private String relations(Overview overview) {
        StringBuilder html = new StringBuilder("<section id=\"relations\">\n<h2>Who is hostile to whom</h2>\n"
                + "<p class=\"note\">Stances the press reports one actor (the holder, down the side) taking toward "
                + "another (the target, across): quotes, and sentences such as \"Moscow condemned the alliance\".</p>\n");
        if (overview.relations().isEmpty()) {
            return html.append("<p class=\"empty\">No mention has a holder yet.</p>\n</section>\n").toString();
        }
        List<StanceCharts.Cell> cells = overview.relations().stream()
                .map(r -> new StanceCharts.Cell(r.holder(), r.target(), r.stance().count(), r.stance().mean()))
                .toList();
        html.append("<div class=\"chart\">").append(StanceCharts.holderMatrix("holder → target", cells, 900, 520))
                .append("</div>\n<table>\n<tr><th>holder</th><th>target</th><th>mentions</th><th>mean stance</th></tr>\n");
        for (Overview.Relation relation : overview.relations()) {
            html.append("<tr><td>").append(escape(relation.holder())).append("</td><td>")
                    .append(escape(relation.target())).append("</td><td class=\"n\">").append(relation.stance().count())
                    .append("</td><td class=\"n ").append(tone(relation.stance().mean())).append("\">")
                    .append(String.format(Locale.ROOT, "%+.2f", relation.stance().mean())).append("</td></tr>\n");
        }
        return html.append("</table>\n</section>\n").toString();
    }

    private String alerts() {
        List<Alert> alerts = queries.alerts(AlertQuery.newest().withLimit(options.alerts()));
        StringBuilder html = new StringBuilder("<section id=\"alerts\">\n<h2>Alerts</h2>\n");
        if (alerts.isEmpty()) {
            return html.append("<p class=\"empty\">No sharp change of tone was detected.</p>\n</section>\n").toString();
        }
        for (Alert alert : alerts) {
            html.append("<article class=\"alert ").append(alert.direction().json()).append("\">\n<h3>")
                    .append(escape(series(alert))).append(": tone turned ").append(alert.direction().json())
                    .append("</h3>\n<p>").append(DAY.format(alert.windowStart())).append(" – ")
                    .append(DAY.format(alert.windowEnd().minusSeconds(1))).append(String.format(Locale.ROOT,
                            ": mean %+.2f over %d mentions, against %+.2f over %d mentions in the %d days before "
                                    + "(change %+.2f, z %.1f).",
                            alert.recentMean(), alert.recentCount(), alert.baselineMean(), alert.baselineCount(),
                            Duration.between(alert.baselineStart(), alert.windowStart()).toDays(), alert.change(),
                            alert.significance()))
                    .append("</p>\n<ul class=\"evidence\">\n");
            for (Evidence evidence : alert.evidence()) {
                html.append("<li><q>").append(escape(evidence.sentence())).append("</q> <span class=\"source\">")
                        .append(escape(evidence.outlet())).append(", ").append(DAY.format(evidence.publishedAt()))
                        .append(String.format(Locale.ROOT, ", %+.2f", evidence.score()))
                        .append(" · ").append(link(evidence.url(), "article")).append("</span></li>\n");
            }
            html.append("</ul>\n</article>\n");
        }
        return html.append("</section>\n").toString();
    }

    /**
     * A link to an article, or the bare text when the URL is not http(s): a crawled URL is input
     * from the web, and a {@code javascript:} one would run when clicked.
     */
    static String link(String url, String text) {
        String scheme = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        if (!scheme.startsWith("https://") && !scheme.startsWith("http://")) {
            return escape(text);
        }
        return "<a href=\"" + escape(url.strip()) + "\" rel=\"noopener noreferrer nofollow\">" + escape(text) + "</a>";
    }

    private static String series(Alert alert) {
        StringBuilder text = new StringBuilder(alert.actor());
        if (!isAll(alert.topic())) {
            text.append(" · ").append(alert.topic());
        }
        if (!isAll(alert.outlet())) {
            text.append(" in ").append(alert.outlet());
        }
        if (!isAll(alert.holder())) {
            text.append(" (as seen by ").append(alert.holder()).append(')');
        }
        return text.toString();
    }

    private static boolean isAll(String field) {
        return field == null || field.equals(org.stancewatch.model.StanceBucket.ALL);
    }

    private static String tone(double mean) {
        return mean <= -0.15 ? "negative" : mean >= 0.15 ? "positive" : "neutral";
    }

    private static String summary(Overview overview, Instant generatedAt) {
        String span = overview.first() == null ? "no mentions yet"
                : DAY.format(overview.first()) + " – " + DAY.format(overview.last());
        return "<header>\n<h1>stancewatch report</h1>\n<p class=\"meta\">Generated " + DAY.format(generatedAt)
                + " · " + escape(span) + " · " + overview.articles() + " articles · " + overview.mentions()
                + " mentions · " + overview.outlets() + " outlets · scorer " + escape(String.join(", ", overview.models()))
                + "</p>\n<nav><a href=\"#trends\">Stance over time</a> <a href=\"#outlets\">Outlets compared</a> "
                + "<a href=\"#relations\">Who is hostile to whom</a> <a href=\"#alerts\">Alerts</a></nav>\n</header>\n<main>\n";
    }

    private static String footer() {
        return "<footer><p>Scores are the stance a sentence takes toward an actor, from −1 (hostile) to +1 "
                + "(cooperative), by stancewatch's CoreNLP-based scorer. Syndicated copies count once, where they "
                + "first appeared. Confidence intervals are Student-t intervals of the mean of the mentions in a "
                + "window. Each chart point can be traced to its sentences with 'stancewatch trends --evidence'.</p>"
                + "</footer>\n";
    }

    private static String head() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="%s">
                <title>stancewatch report</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 960px; padding: 1em; color: #222; }
                h1 { margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
                .meta, .note, .source { color: #666; font-size: 0.9em; }
                nav a { margin-right: 1em; }
                .chart { margin: 0.5em 0; } .chart.small { display: inline-block; vertical-align: top; margin-right: 8px; }
                table { border-collapse: collapse; font-size: 0.9em; } td, th { padding: 2px 8px; text-align: left; }
                td.n { text-align: right; } .negative { color: #c0392b; } .positive { color: #2e6db4; }
                .alert { border-left: 4px solid #999; padding: 0 1em; margin: 1em 0; background: #fafafa; }
                .alert.negative { border-color: #c0392b; } .alert.positive { border-color: #2e6db4; }
                .evidence li { margin: 0.4em 0; } .empty { font-style: italic; }
                footer { margin-top: 3em; color: #666; font-size: 0.85em; }
                </style>
                </head>
                <body>
                """.formatted(CONTENT_SECURITY_POLICY);
    }
}
