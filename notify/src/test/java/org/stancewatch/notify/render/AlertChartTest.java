package org.stancewatch.notify.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.Alert;
import org.stancewatch.notify.NoticeFixtures;

class AlertChartTest {

    @Test
    void aToneAlertDrawsAPngOfTheTwoMeansAndTheEvidencePoints() throws IOException {
        Alert alert = NoticeFixtures.toneAlert("russia", "iran", "nytimes.com");

        byte[] png = AlertChart.png(alert).orElseThrow();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(AlertChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(AlertChart.HEIGHT);
        XYPlot plot = AlertChart.chart(alert).getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(3);
        assertThat(plot.getDataset().getYValue(0, 0)).isEqualTo(0.05);
        assertThat(plot.getDataset().getYValue(1, 1)).isEqualTo(-0.42);
        assertThat(plot.getDataset().getItemCount(2)).isEqualTo(alert.evidence().size());
    }

    @Test
    void anAttentionChartShowsSharesAsPercentages() {
        XYPlot plot = AlertChart.chart(NoticeFixtures.attentionAlert("iran")).getXYPlot();

        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(plot.getDataset().getYValue(1, 0)).isEqualTo(9.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("share of mentions (%)");
    }
}
