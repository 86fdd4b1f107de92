package org.stancewatch.notify.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.model.Alert;
import org.stancewatch.model.AlertKind;
import org.stancewatch.model.Evidence;

/**
 * A small PNG of one alert: the baseline mean over the baseline window, the recent mean over the
 * recent window, and (for a tone alert) each evidence sentence's score as a point. Drawn headless.
 *
 * <p>A chart is decoration: when it cannot be drawn (no fonts on a bare server, say) the notice
 * goes without it, with a warning, never stuck.
 */
public final class AlertChart {
    /** Size in pixels, small enough for a mail client's preview. */
    public static final int WIDTH = 480;
    public static final int HEIGHT = 240;

    private static final Logger log = LoggerFactory.getLogger(AlertChart.class);
    private static final Color BASELINE = new Color(0x77, 0x77, 0x77);
    private static final Color RECENT = new Color(0xc0, 0x39, 0x2b);
    private static final Color EVIDENCE = new Color(0x29, 0x80, 0xb9);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // a server has no display
        }
    }

    private AlertChart() {}

    /** The chart as PNG bytes, or empty when it could not be drawn. */
    public static Optional<byte[]> png(Alert alert) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart(alert), WIDTH, HEIGHT);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException | LinkageError | InternalError e) {
            log.warn("cannot draw the chart of alert {} ({}); it goes without one", alert.id(), e.toString());
            return Optional.empty();
        }
    }

    static JFreeChart chart(Alert alert) {
        boolean attention = alert.kind() == AlertKind.ATTENTION;
        double scale = attention ? 100 : 1; // shares read as percentages
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(level("baseline mean", alert.baselineStart(), alert.windowStart(), alert.baselineMean() * scale));
        data.addSeries(level("recent mean", alert.windowStart(), alert.windowEnd(), alert.recentMean() * scale));
        if (!attention) {
            XYSeries evidence = new XYSeries("evidence", true, true);
            for (Evidence item : alert.evidence()) {
                evidence.add(item.publishedAt().toEpochMilli(), item.score());
            }
            data.addSeries(evidence);
        }

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesPaint(0, BASELINE);
        renderer.setSeriesPaint(1, RECENT);
        renderer.setSeriesStroke(0, new BasicStroke(3f));
        renderer.setSeriesStroke(1, new BasicStroke(3f));
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesPaint(2, EVIDENCE);

        NumberAxis values = new NumberAxis(attention ? "share of mentions (%)" : "stance score");
        if (!attention) {
            values.setRange(-1.05, 1.05);
        } else {
            values.setAutoRangeIncludesZero(true);
        }
        XYPlot plot = new XYPlot(data, new DateAxis(), values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYSeries level(String name, Instant from, Instant to, double value) {
        XYSeries series = new XYSeries(name, true, true);
        series.add(from.toEpochMilli(), value);
        series.add(to.toEpochMilli(), value);
        return series;
    }
}
