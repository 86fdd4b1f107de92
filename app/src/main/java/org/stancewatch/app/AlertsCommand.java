package org.stancewatch.app;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.stancewatch.index.Trends;
import org.stancewatch.index.trends.AlertQuery;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Direction;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch alerts}: the sharp changes of tone found so far, newest first. */
@Command(name = "alerts",
        mixinStandardHelpOptions = true,
        header = "Lists alerts: sharp changes of tone toward an actor, newest first, with their evidence.",
        description = {
            "Each alert compares a recent window with its baseline for one actor (optionally narrowed to a topic "
                    + "and an outlet): the mean stance before and after, the change, how significant it is, and the "
                    + "sentences that show it, with outlet and URL.",
            "",
            "--since filters by when the shift happened in the news (the end of its window), not when it was "
                    + "detected: a crawl of old news raises old alerts today.",
            "",
            "Uses ELASTICSEARCH_URL (and its credentials)."
        })
final class AlertsCommand implements Callable<Integer> {

    @Option(names = "--since", paramLabel = "TIME", converter = TimeConverter.class,
            description = "only shifts whose window ends at or after: 2011, 2011-03, 2011-03-17 or an ISO time")
    Instant since;

    @Option(names = "--actor", paramLabel = "ID", description = "only alerts about this actor")
    String actor;

    @Option(names = "--topic", paramLabel = "ID", description = "only alerts about this topic")
    String topic;

    @Option(names = "--outlet", paramLabel = "DOMAIN", description = "only alerts about this outlet")
    String outlet;

    @Option(names = "--direction", paramLabel = "WAY", description = "only shifts this way: ${COMPLETION-CANDIDATES}")
    Direction direction;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most N alerts (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print JSON (the alert records) instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AlertQuery query = new AlertQuery(actor, topic, outlet, direction, since, limit);
        try (Trends trends = Trends.open(ClusterSettings.elasticsearch())) {
            List<Alert> alerts = trends.alerts(query);
            if (json) {
                var array = Json.mapper().createArrayNode();
                alerts.forEach(alert -> array.add(Codecs.ALERT.toTree(alert)));
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
                return 0;
            }
            if (alerts.isEmpty()) {
                System.out.println("No alerts" + (since == null ? "" : " since " + since) + ".");
                return 0;
            }
            alerts.forEach(alert -> System.out.print(Trends.text(alert)));
            return 0;
        }
    }
}
