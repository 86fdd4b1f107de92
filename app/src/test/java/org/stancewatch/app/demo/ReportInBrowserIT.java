package org.stancewatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.JsonData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.index.connect.ElasticsearchClients;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.index.report.StanceReport;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.templates.IndexTemplates;
import org.stancewatch.index.trends.TrendQueries;
import org.stancewatch.model.Alert;
import org.stancewatch.model.DateSource;
import org.stancewatch.model.Direction;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.Mention;
import org.stancewatch.model.Polarity;
import org.stancewatch.model.json.Codecs;

/**
 * The HTML report, built from the embedded node, opened in headless Chromium: every chart is
 * drawn, nothing is fetched from elsewhere, and the console stays silent.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class ReportInBrowserIT {
    private static final Instant START = Instant.parse("2011-01-03T09:00:00Z");
    private static final List<String> OUTLETS = List.of("harborgazette.example", "balticledger.example");

    @Test
    void reportOpensOfflineWithEveryChartDrawnAndNoConsoleMessages(EmbeddedServices services, @TempDir Path dir)
            throws Exception {
        Path chromium = HeadlessChromium.find().orElse(null);
        assumeTrue(chromium != null, "skipped: no Chromium (apt-get install chromium; .ci/run installs it)");
        ElasticsearchSettings elasticsearch = ElasticsearchSettings.of(services.elasticsearchUrl());
        IndexLayout layout = new IndexLayout("report-test"); // indices of its own on the shared node
        String html;
        try (ElasticsearchClient client = ElasticsearchClients.create(elasticsearch)) {
            new IndexTemplates(client, layout).install();
            index(client, layout, mentions(), alert());
            client.indices().refresh();
            html = new StanceReport(new TrendQueries(client, layout), StanceReport.Options.defaults())
                    .render(Instant.parse("2012-01-01T00:00:00Z"));
        }
        Path report = dir.resolve("report.html");
        Files.writeString(report, html);

        Document page = Jsoup.parse(html);
        assertThat(page.select("svg").size()).as("charts").isGreaterThanOrEqualTo(4);
        assertThat(page.select("script, link[rel=stylesheet], img, iframe")).as("nothing fetched").isEmpty();
        assertThat(page.select("#alerts .evidence li")).isNotEmpty();

        HeadlessChromium.Visit visit = HeadlessChromium.open(chromium, report, dir, 1000, 3000);
        assertThat(visit.consoleMessages()).isEmpty();
        BufferedImage screenshot = ImageIO.read(visit.screenshot().toFile());
        assertThat(inkShare(screenshot)).as("share of the page that is not white").isGreaterThan(0.05);
        assertThat(colours(screenshot)).as("colours drawn (bands, bars, the heat map)").isGreaterThan(50);
    }

    /** Weekly mentions of Russia for half a year, turning negative half-way, in two outlets, some held by NATO. */
    private static List<Mention> mentions() {
        Random random = new Random(7);
        List<Mention> mentions = new java.util.ArrayList<>();
        for (int week = 0; week < 26; week++) {
            for (int i = 0; i < 6; i++) {
                Instant published = START.plus(week * 7L + i, ChronoUnit.DAYS);
                String outlet = OUTLETS.get(i % 2);
                double score = Math.max(-1, Math.min(1, (week < 13 ? 0.3 : -0.4) + random.nextGaussian() * 0.3));
                String article = "a" + week + "-" + i;
                String actor = i % 3 == 0 ? "nato" : "russia";
                mentions.add(new Mention(Mention.idFor(article, 0, actor), article, 1,
                        "https://" + outlet + "/" + article, outlet, published, DateSource.META, actor, actor,
                        List.of(week % 2 == 0 ? "missile-defense" : "arms-control"), 0,
                        "A sentence about " + actor + " in week " + week + ".", score,
                        score < -0.2 ? Polarity.NEGATIVE : score > 0.2 ? Polarity.POSITIVE : Polarity.NEUTRAL, 0.7,
                        i % 2 == 0 ? "nato" : "", i % 2 == 0, null, "test/1"));
            }
        }
        return mentions;
    }

    private static Alert alert() {
        Mention worst = mentions().getLast();
        Instant windowStart = START.plus(91, ChronoUnit.DAYS);
        return new Alert(Alert.idFor("russia", "_all", "_all", "_all", windowStart), "russia", "_all", "_all", "_all",
                START, windowStart, windowStart.plus(7, ChronoUnit.DAYS), 0.3, 60, -0.4, 12, -0.7, -5.2,
                Direction.NEGATIVE, List.of(Evidence.of(worst)), windowStart.plus(7, ChronoUnit.DAYS));
    }

    private static void index(ElasticsearchClient client, IndexLayout layout, List<Mention> mentions, Alert alert)
            throws Exception {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (Mention mention : mentions) {
            bulk.operations(op -> op.index(i -> i.index(layout.alias(IndexKind.MENTIONS)).id(mention.id())
                    .document(JsonData.fromJson(Codecs.MENTION.writeString(mention)))));
        }
        bulk.operations(op -> op.index(i -> i.index(layout.alias(IndexKind.ALERTS)).id(alert.id())
                .document(JsonData.fromJson(Codecs.ALERT.writeString(alert)))));
        assertThat(client.bulk(bulk.build()).errors()).isFalse();
    }

    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    private static int colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }
}
