package org.stancewatch.index.trends;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Trends and outlet comparisons as plain-text tables for a terminal. */
public final class TrendTable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private TrendTable() {}

    /** The series, one line per bucket, with a sparkline of the means underneath. */
    public static String render(StanceSeries series) {
        SeriesQuery query = series.query();
        StringBuilder out = new StringBuilder();
        out.append("Stance toward ").append(query.describe()).append(", by ").append(query.interval().word())
                .append(String.format(Locale.ROOT, " (mean score in [-1, 1], %.0f%% confidence interval)%n",
                        series.confidence() * 100));
        if (series.count() == 0) {
            out.append("No mentions match. Check the actor id (e.g. russia, nato, us) and the filters.\n");
            return out.toString();
        }
        String period = switch (query.interval()) {
            case DAY -> "day";
            case WEEK -> "week of";
            case MONTH -> "month";
        };
        out.append(String.format(Locale.ROOT, "%-10s %9s %7s  %-17s %5s %5s %5s%n", period, "mentions", "mean",
                "95% interval", "neg", "neu", "pos"));
        for (TrendPoint point : series.points()) {
            out.append(row(label(point, query.interval()), point));
        }
        out.append(row("all", series.total()));
        out.append(String.format(Locale.ROOT, "%ntrend  %s  (from %s to %s)%n", Sparkline.of(series),
                format(lowest(series)), format(highest(series))));
        return out.toString();
    }

    /** Outlets compared, most negative first. */
    public static String renderOutlets(String actor, List<OutletStance> outlets) {
        StringBuilder out = new StringBuilder();
        out.append("Outlets compared by their stance toward ").append(actor).append('\n');
        if (outlets.isEmpty()) {
            out.append("No outlet mentions ").append(actor).append(".\n");
            return out.toString();
        }
        int width = Math.max(6, outlets.stream().mapToInt(o -> o.outlet().length()).max().orElse(6));
        out.append(String.format(Locale.ROOT, "%-" + width + "s %9s %7s  %-17s%n", "outlet", "mentions", "mean",
                "95% interval"));
        for (OutletStance outlet : outlets) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s %9d %7s  %-17s%n", outlet.outlet(), outlet.count(),
                    format(outlet.mean()), interval(outlet.low(), outlet.high())));
        }
        return out.toString();
    }

    private static String row(String label, TrendPoint point) {
        return String.format(Locale.ROOT, "%-10s %9d %7s  %-17s %5d %5d %5d%n", label, point.count(),
                format(point.mean()), interval(point.low(), point.high()), point.negative(), point.neutral(),
                point.positive());
    }

    private static String label(TrendPoint point, Interval interval) {
        return interval == Interval.MONTH ? MONTH.format(point.start()) : DAY.format(point.start());
    }

    private static String interval(Double low, Double high) {
        return low == null || high == null ? "-" : "[" + format(low) + ", " + format(high) + "]";
    }

    private static String format(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%+.2f", value);
    }

    private static Double lowest(StanceSeries series) {
        return series.points().stream().map(TrendPoint::mean).filter(m -> m != null).min(Double::compare).orElse(null);
    }

    private static Double highest(StanceSeries series) {
        return series.points().stream().map(TrendPoint::mean).filter(m -> m != null).max(Double::compare).orElse(null);
    }
}
