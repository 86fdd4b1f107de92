package org.stancewatch.index.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class StanceChartsTest {
    private static final Instant WEEK0 = Instant.parse("2011-10-03T00:00:00Z");

    private static Document parse(String svg) {
        return Jsoup.parse(svg, "", Parser.xmlParser());
    }

    @Test
    void overTimeDrawsTheTitleTheBandAndOneVolumeBarPerWindow() {
        List<StanceCharts.Point> points = List.of(
                new StanceCharts.Point(WEEK0, 12, 0.3, 0.1, 0.5),
                new StanceCharts.Point(WEEK0.plus(7, ChronoUnit.DAYS), 3, -0.6, -0.9, -0.2),
                new StanceCharts.Point(WEEK0.plus(14, ChronoUnit.DAYS), 8, -0.4, -0.6, -0.1));

        String drawn = StanceCharts.overTime("russia", points, 800, 400);
        Document svg = parse(drawn);

        assertThat(Double.parseDouble(svg.selectFirst("svg").attr("width"))).isEqualTo(800);
        assertThat(svg.text()).contains("russia", "0.4", "-0.4", "10-Oct");
        // the band is a filled, translucent shape; the bars are three more shapes
        assertThat(svg.select("g[style*=fill-opacity:0.2] path")).hasSize(1);
        assertThat(svg.select("rect, path").size()).isGreaterThan(3);
    }

    @Test
    void outletsAreLabelledWithTheirCounts() {
        Document svg = parse(StanceCharts.outlets("russia by outlet", List.of(
                new StanceCharts.Bar("balticledger.example", 40, -0.5, -0.6, -0.4),
                new StanceCharts.Bar("harborgazette.example", 25, 0.2, 0.0, 0.4)), 700, 300));

        assertThat(svg.text()).contains("balticledger.example (40)", "harborgazette.example (25)");
    }

    @Test
    void holderMatrixNamesHoldersAndTargets() {
        Document svg = parse(StanceCharts.holderMatrix("who is hostile to whom", List.of(
                new StanceCharts.Cell("russia", "nato", 30, -0.7),
                new StanceCharts.Cell("nato", "russia", 12, -0.2),
                new StanceCharts.Cell("us", "russia", 20, 0.4)), 600, 400));

        assertThat(svg.text()).contains("who is hostile to whom", "target", "nato", "russia", "us");
    }
}
