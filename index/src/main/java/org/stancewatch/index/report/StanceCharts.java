package org.stancewatch.index.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's charts, drawn with JFreeChart as SVG so that the report is one self-contained
 * file that opens offline. Stance runs from -1 (red) to +1 (blue).
 */
public final class StanceCharts {
    static final Color NEGATIVE = new Color(0xC0392B);
    static final Color POSITIVE = new Color(0x2E6DB4);
    static final Color NEUTRAL = new Color(0x7F8C8D);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private StanceCharts() {}

    /** One point of a stance series: a window's mention count, mean and 95 % interval. */
    public record Point(java.time.Instant start, long count, double mean, double low, double high) {}

    /** One row of an outlet comparison. */
    public record Bar(String label, long count, double mean, double low, double high) {}

    /** One cell of the holder → target matrix. */
    public record Cell(String holder, String target, long count, double mean) {}

    /** Mean stance over time with its confidence band, and the mention volume beneath. */
    public static String overTime(String title, List<Point> points, int width, int height) {
        YIntervalSeries stance = new YIntervalSeries("mean stance (95% interval)");
        XYSeries volume = new XYSeries("mentions");
        for (Point point : points) {
            long x = point.start().toEpochMilli();
            stance.add(x, point.mean(), clamp(point.low()), clamp(point.high()));
            volume.add(x, point.count());
        }
        DeviationRenderer band = new DeviationRenderer(true, true);
        band.setSeriesPaint(0, POSITIVE.darker());
        band.setSeriesFillPaint(0, POSITIVE);
        band.setAlpha(0.2f);
        band.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis stanceAxis = new NumberAxis("stance");
        stanceAxis.setRange(-1, 1);
        XYPlot stancePlot = new XYPlot(collection(stance), null, stanceAxis, band);
        stancePlot.addRangeMarker(new ValueMarker(0, NEUTRAL, new BasicStroke(1f)));

        XYBarRenderer bars = new XYBarRenderer(0.1);
        bars.setSeriesPaint(0, NEUTRAL);
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        NumberAxis volumeAxis = new NumberAxis("mentions");
        volumeAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYSeriesCollection volumes = new XYSeriesCollection(volume);
        volumes.setIntervalWidth(windowMillis(points));
        volumes.setIntervalPositionFactor(0); // a bar spans its window, from its start
        XYPlot volumePlot = new XYPlot(volumes, null, volumeAxis, bars);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new DateAxis());
        plot.add(stancePlot, 3);
        plot.add(volumePlot, 1);
        plot.setGap(8);
        return svg(chart(title, plot, false), width, height);
    }

    /** Outlets side by side: mean stance with its 95 % interval, labelled with counts. */
    public static String outlets(String title, List<Bar> bars, int width, int height) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Bar bar : bars) {
            data.add(bar.mean(), (bar.high() - bar.low()) / 2, "mean stance", bar.label() + " (" + bar.count() + ")");
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                Number mean = data.getValue(row, column);
                return mean != null && mean.doubleValue() < 0 ? NEGATIVE : POSITIVE;
            }
        };
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        NumberAxis stanceAxis = new NumberAxis("mean stance");
        stanceAxis.setRange(-1, 1);
        CategoryAxis outletAxis = new CategoryAxis();
        outletAxis.setMaximumCategoryLabelWidthRatio(0.45f); // outlet names are long: give them room
        CategoryPlot plot = new CategoryPlot(data, outletAxis, stanceAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(0, NEUTRAL, new BasicStroke(1f)));
        return svg(chart(title, plot, false), width, height);
    }

    /** Who is hostile to whom: holders down the side, targets across, mean stance as colour. */
    public static String holderMatrix(String title, List<Cell> cells, int width, int height) {
        List<String> holders = cells.stream().map(Cell::holder).distinct().sorted().toList();
        List<String> targets = cells.stream().map(Cell::target).distinct().sorted().toList();
        double[][] series = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            series[0][i] = targets.indexOf(cells.get(i).target());
            series[1][i] = holders.indexOf(cells.get(i).holder());
            series[2][i] = cells.get(i).mean();
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("mean stance", series);
        LookupPaintScale scale = divergingScale();
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis targetAxis = new SymbolAxis("target", targets.toArray(String[]::new));
        targetAxis.setVerticalTickLabels(true); // every target named, however many
        targetAxis.setGridBandsVisible(false);
        SymbolAxis holderAxis = new SymbolAxis("holder", holders.toArray(String[]::new));
        holderAxis.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, targetAxis, holderAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = chart(title, plot, false);
        NumberAxis legendAxis = new NumberAxis("mean stance");
        legendAxis.setRange(-1, 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        return svg(chart, width, height);
    }

    private static LookupPaintScale divergingScale() {
        LookupPaintScale scale = new LookupPaintScale(-1.0001, 1.0001, Color.WHITE);
        for (int step = -10; step < 10; step++) {
            double value = step / 10.0;
            double strength = Math.min(1, Math.abs(value + 0.05) * 1.1);
            Color end = value < 0 ? NEGATIVE : POSITIVE;
            scale.add(value, blend(Color.WHITE, end, strength));
        }
        return scale;
    }

    private static Color blend(Color from, Color to, double share) {
        return new Color((int) (from.getRed() + (to.getRed() - from.getRed()) * share),
                (int) (from.getGreen() + (to.getGreen() - from.getGreen()) * share),
                (int) (from.getBlue() + (to.getBlue() - from.getBlue()) * share));
    }

    private static YIntervalSeriesCollection collection(YIntervalSeries series) {
        YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
        collection.addSeries(series);
        return collection;
    }

    /** The window length: the smallest gap between consecutive points (a day if unknown). */
    private static double windowMillis(List<Point> points) {
        long smallest = Long.MAX_VALUE;
        for (int i = 1; i < points.size(); i++) {
            smallest = Math.min(smallest, points.get(i).start().toEpochMilli() - points.get(i - 1).start().toEpochMilli());
        }
        return smallest == Long.MAX_VALUE || smallest <= 0 ? 86_400_000d : smallest;
    }

    private static double clamp(double value) {
        return Math.max(-1, Math.min(1, value));
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    private static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        chart.draw(graphics, new Rectangle(0, 0, width, height));
        return graphics.getSVGElement();
    }
}
