package org.stancewatch.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.stancewatch.index.Trends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch report}: the trends as one self-contained HTML file. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        header = "Writes an HTML report of the stance trends, for people without Kibana.",
        description = {
            "Builds one self-contained HTML file from Elasticsearch: stance over time for the most mentioned actors "
                    + "and their main topics (with confidence bands and volume), outlets compared, who is hostile "
                    + "to whom (holder -> target), and the alerts with their evidence sentences and links. The "
                    + "charts are inline SVG: the file opens offline and can be mailed as it is.",
            "",
            "Uses ELASTICSEARCH_URL (and its credentials)."
        })
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.html",
            description = "the file to write (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--actors", paramLabel = "N", defaultValue = "6",
            description = "how many of the most mentioned actors get charts (default: ${DEFAULT-VALUE})")
    int actors;

    @Option(names = "--alerts", paramLabel = "N", defaultValue = "20",
            description = "how many alerts, newest first (default: ${DEFAULT-VALUE})")
    int alerts;

    @Override
    public Integer call() throws Exception {
        try (Trends trends = Trends.open(ClusterSettings.elasticsearch())) {
            String html = trends.report(actors, alerts, Instant.now());
            Files.writeString(out, html);
        }
        System.out.println("Report written to " + out.toAbsolutePath());
        return 0;
    }
}
