package org.stancewatch.index.trends;

import java.util.List;

/**
 * A one-line chart of a series: one block character per point, scaled from the series' lowest
 * to its highest value (a gap for an empty point).
 */
public final class Sparkline {
    private static final char[] LEVELS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    /** Below this spread the series is drawn flat, at mid height. */
    private static final double FLAT = 1e-9;

    private Sparkline() {}

    /** The sparkline of the values; null values are gaps. */
    public static String of(List<Double> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double value : values) {
            if (value != null) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        StringBuilder line = new StringBuilder(values.size());
        for (Double value : values) {
            if (value == null) {
                line.append(' ');
            } else if (max - min < FLAT) {
                line.append(LEVELS[LEVELS.length / 2]);
            } else {
                int level = (int) Math.round((value - min) / (max - min) * (LEVELS.length - 1));
                line.append(LEVELS[level]);
            }
        }
        return line.toString();
    }

    /** The sparkline of a series' means. */
    public static String of(StanceSeries series) {
        return of(series.points().stream().map(TrendPoint::mean).toList());
    }
}
